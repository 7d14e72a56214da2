package sipdesk.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import sipdesk.sip.MessageFlows.Step;

class MessageFlowsTest {
    private static final String A = "127.0.0.1:5070";
    private static final String P = "127.0.0.1:5060";

    @Test
    void aCallIsANumberedTableOfItsSteps() {
        MessageFlows flows = new MessageFlows();
        flows.record("abc", true, "1001", "1005", new Step("INVITE sip:1005@sipdesk.test", A, P));
        flows.record("abc", false, "1001", "1005", new Step("100 Trying (INVITE)", P, A));
        assertEquals("""
                call 1 (Call-ID abc): 1001 -> 1005
                F1  INVITE sip:1005@sipdesk.test  127.0.0.1:5070 -> 127.0.0.1:5060
                F2  100 Trying (INVITE)           127.0.0.1:5060 -> 127.0.0.1:5070
                """, flows.format(5));
    }

    @Test
    void aProxysChallengeReportedBeforeOurInviteStillShowsAfterIt() {
        MessageFlows flows = new MessageFlows();
        // kamailio answers within the millisecond; the stack reports our INVITE after it has sent it.
        flows.record("abc", false, "1001", "1005", new Step("407 Proxy Authentication Required (INVITE)", P, A),
                new MessageFlows.ReceivedResponse("1 INVITE", 407, 1000));
        flows.record("abc", false, "1001", "1005", new Step("ACK sip:1005@sipdesk.test", A, P), new MessageFlows.SentAck("1 INVITE"));
        flows.record("abc", true, "1001", "1005", new Step("INVITE sip:1005@sipdesk.test", A, P), new MessageFlows.SentRequest("1 INVITE"));
        flows.record("abc", true, "1001", "1005", new Step("INVITE sip:1005@sipdesk.test", A, P), new MessageFlows.SentRequest("2 INVITE"));
        assertEquals("""
                call 1 (Call-ID abc): 1001 -> 1005
                F1  INVITE sip:1005@sipdesk.test                127.0.0.1:5070 -> 127.0.0.1:5060
                F2  407 Proxy Authentication Required (INVITE)  127.0.0.1:5060 -> 127.0.0.1:5070
                F3  ACK sip:1005@sipdesk.test                   127.0.0.1:5070 -> 127.0.0.1:5060
                F4  INVITE sip:1005@sipdesk.test                127.0.0.1:5070 -> 127.0.0.1:5060
                """, flows.format(5));
    }

    @Test
    void orphansOfOtherCallIdsAgeOutAndAreNeverShown() {
        MessageFlows flows = new MessageFlows();
        for (int i = 0; i < 40; i++) flows.record("reg-" + i, false, "1001", "1001", new Step("200 OK (REGISTER)", P, A));
        flows.record("abc", true, "1001", "1005", new Step("INVITE sip:1005@sipdesk.test", A, P));
        assertEquals("""
                call 1 (Call-ID abc): 1001 -> 1005
                F1  INVITE sip:1005@sipdesk.test  127.0.0.1:5070 -> 127.0.0.1:5060
                """, flows.format(5));
    }

    @Test
    void onlyCallsAreKeptNotRegistrationsOrOptions() {
        MessageFlows flows = new MessageFlows();
        flows.record("reg", false, "1001", "1001", new Step("REGISTER sip:sipdesk.test", A, P));
        flows.record("reg", false, "1001", "1001", new Step("200 OK (REGISTER)", P, A));
        assertEquals("no calls recorded\n", flows.format(1));
    }

    @Test
    void theLastCallsComeOldestFirstAndLongCallIdsAreShortened() {
        MessageFlows flows = new MessageFlows();
        for (int i = 1; i <= 3; i++) flows.record("call-id-number-" + i + "-and-a-long-tail", true, "1001", "100" + i, new Step("INVITE sip:x", A, P));
        String two = flows.format(2);
        assertFalse(two.contains("call 1 "), two);
        assertTrue(two.indexOf("call 2 (Call-ID call-id-number-2...): 1001 -> 1002") < two.indexOf("call 3 (Call-ID call-id-number-3...)"), two);
    }

    @Test
    void memoryIsBoundedByCallsAndByMessages() {
        MessageFlows flows = new MessageFlows(2, 5);
        for (int i = 1; i <= 3; i++) flows.record("c" + i, true, "a", "b", new Step("INVITE sip:x", A, P));
        assertFalse(flows.format(10).contains("call 1 "), "only 2 calls kept");
        for (int i = 0; i < 4; i++) flows.record("c3", false, "a", "b", new Step("INFO sip:x", A, P));
        String kept = flows.format(10);
        assertFalse(kept.contains("call 2 "), "5 messages at most: call 2 made room\n" + kept);
        for (int i = 0; i < 3; i++) flows.record("c3", false, "a", "b", new Step("INFO sip:x", A, P));
        assertTrue(flows.format(1).endsWith("F5  INFO sip:x    127.0.0.1:5070 -> 127.0.0.1:5060\n(3 more messages not kept)\n"), flows.format(1));
    }

    /** The stack parses datagrams on several threads: a 180 may be logged before the 100 sent just before it. */
    @Test
    void responsesOfOneTransactionArrivingTogetherAreShownInCodeOrder() {
        MessageFlows flows = new MessageFlows();
        flows.record("c", true, "a", "b", new Step("INVITE sip:x", A, P));
        flows.record("c", false, "a", "b", new Step("180 Ringing (INVITE)", P, A), new MessageFlows.ReceivedResponse("2 INVITE", 180, 1000));
        flows.record("c", false, "a", "b", new Step("100 Trying (INVITE)", P, A), new MessageFlows.ReceivedResponse("2 INVITE", 100, 1001));
        flows.record("c", false, "a", "b", new Step("200 OK (INVITE)", P, A), new MessageFlows.ReceivedResponse("2 INVITE", 200, 1500));
        flows.record("c", false, "a", "b", new Step("183 Late (INVITE)", P, A), new MessageFlows.ReceivedResponse("2 INVITE", 183, 1600));
        String t = flows.format(1);
        assertTrue(t.indexOf("F2  100") > 0 && t.indexOf("F3  180") > 0 && t.indexOf("F4  200") > 0 && t.indexOf("F5  183") > 0, t);
    }

    @Test
    void theAckOfAChallengeReportedBeforeTheChallengeIsShownAfterIt() {
        MessageFlows flows = new MessageFlows();
        flows.record("c", true, "a", "b", new Step("INVITE sip:x", A, P));
        flows.record("c", false, "a", "b", new Step("ACK sip:x", A, P), new MessageFlows.SentAck("1 INVITE"));
        flows.record("c", false, "a", "b", new Step("407 Proxy Authentication Required (INVITE)", P, A),
                new MessageFlows.ReceivedResponse("1 INVITE", 407, 5000));
        flows.record("c", true, "a", "b", new Step("INVITE sip:x", A, P));
        flows.record("c", false, "a", "b", new Step("100 Trying (INVITE)", P, A), new MessageFlows.ReceivedResponse("2 INVITE", 100, 5001));
        String t = flows.format(1);
        assertTrue(t.indexOf("F2  407") > 0 && t.indexOf("F3  ACK") > 0 && t.indexOf("F4  INVITE") > 0 && t.indexOf("F5  100") > 0, t);
    }

    @Test
    void anAnswerReportedBeforeOurRequestIsShownAfterIt() {
        MessageFlows flows = new MessageFlows();
        flows.record("c", true, "a", "b", new Step("INVITE sip:x", A, P), new MessageFlows.SentRequest("1 INVITE"));
        flows.record("c", false, "a", "b", new Step("200 OK (INVITE)", P, A), new MessageFlows.ReceivedResponse("1 INVITE", 200, 10));
        flows.record("c", false, "a", "b", new Step("ACK sip:x", A, P), new MessageFlows.SentAck("1 INVITE"));
        flows.record("c", false, "a", "b", new Step("200 OK (BYE)", P, A), new MessageFlows.ReceivedResponse("2 BYE", 200, 900));
        flows.record("c", false, "a", "b", new Step("BYE sip:x", A, P), new MessageFlows.SentRequest("2 BYE"));
        String t = flows.format(1);
        assertTrue(t.indexOf("F1  INVITE") > 0 && t.indexOf("F2  200 OK (INVITE)") > 0 && t.indexOf("F3  ACK") > 0
                && t.indexOf("F4  BYE") > 0 && t.indexOf("F5  200 OK (BYE)") > 0, t);
    }

    @Test
    void askingForNoCallsIsABug() {
        assertThrows(IllegalArgumentException.class, () -> new MessageFlows().format(0));
    }
}
