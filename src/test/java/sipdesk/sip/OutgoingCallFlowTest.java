package sipdesk.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sipdesk.core.CallId;
import sipdesk.core.Command.AttendedTransfer;
import sipdesk.core.Command.BlindTransfer;
import sipdesk.core.Command.CancelCall;
import sipdesk.core.Command.Dial;
import sipdesk.core.Command.Hold;
import sipdesk.core.Command.Resume;
import sipdesk.core.Command.FollowRedirect;
import sipdesk.core.Command.Hangup;
import sipdesk.core.PhoneEvent.Answered;
import sipdesk.core.PhoneEvent.CallFailed;
import sipdesk.core.PhoneEvent.EarlyMedia;
import sipdesk.core.PhoneEvent.Redirected;
import sipdesk.core.PhoneEvent.Ringing;
import sipdesk.core.PhoneEvent.TransferResult;
import sipdesk.core.RedirectTarget;
import sipdesk.testing.RecordingEventSink;
import sipdesk.testing.peers.RawSip;
import sipdesk.testing.peers.Sipp;

/**
 * Our calls through a real kamailio (registrar + record-routing proxy with digest auth) to sipp
 * callees: 302 and its follow-up, errors, early media, hold, CANCEL, transfers.
 */
class OutgoingCallFlowTest extends ProxiedPhoneFixture {
    /** YEALINK.md flow 8 from A's side: F1..F6, then the core follows the 302 and C answers. */
    @Test
    void redirectedCallIsReportedThenFollowedToTheNewTargetWhichAnswers() throws Exception {
        try (Sipp b = Sipp.uas(dir, "uas_302.xml", portB, Map.of("target", "sip:3003@sipdesk.test"));
             Sipp c = Sipp.uas(dir, "uas_answer.xml", portC, Map.of())) {
            CallId call = new CallId("out-302");
            ua.execute(new Dial(call, "2002"));

            Redirected redirected = await(Redirected.class, call, Redirected::call);
            assertEquals(302, redirected.code());
            assertEquals(List.of(new RedirectTarget("sip:3003@sipdesk.test", 0.9),
                    new RedirectTarget("sip:voicemail@sipdesk.test", 0.1)), redirected.targets());
            assertEquals(0, b.awaitExit(WAIT), b.output()); // B's scenario ends with the proxy's ACK (F4)

            // The core stand-in picks the best target.
            ua.execute(new FollowRedirect(call, redirected.targets().get(0).uri()));
            await(Answered.class, call, Answered::call);
            awaitCount(c, "ACK sip:", 1); // before the BYE: the proxy's two workers could swap them
            ua.execute(new Hangup(call));
            assertEquals(0, c.awaitExit(WAIT), c.output()); // C got ACK and our BYE along the route set

            String a = "src=127.0.0.1:" + account.localPort() + " ";
            List<String> flow = kamailio.flow();
            int f2 = indexOf(flow, 0, "FWD INVITE sip:2002@sipdesk.test", "dst=sip:127.0.0.1:" + portB.port);
            int f1 = lastIndexBefore(flow, f2, "REQ INVITE sip:2002@sipdesk.test", a);
            int f3 = indexOf(flow, f2, "RPL 302", "src=127.0.0.1:" + portB.port);
            int f6 = indexOf(flow, f3, "REQ ACK", a);
            int next = indexOf(flow, f6, "REQ INVITE sip:3003@sipdesk.test", a);
            int toC = indexOf(flow, next, "FWD INVITE sip:3003@sipdesk.test", "dst=sip:127.0.0.1:" + portC.port);
            assertTrue(f1 < f2 && f2 < f3 && f3 < f6 && f6 < next && next < toC, String.join("\n", flow));
            assertTrue(b.messages().contains("ACK sip:2002@sipdesk.test"), b.messages()); // F4 proxy -> B
            assertNotEquals(callIdOf(flow.get(f1)), callIdOf(flow.get(next)), "the follow-up is a new dialog");
        }
    }

    @Test
    void busyCalleeFailsTheCallWith486() throws Exception {
        try (Sipp busy = Sipp.uas(dir, "uas_486.xml", portBusy, Map.of())) {
            CallId call = new CallId("out-486");
            ua.execute(new Dial(call, "2486"));
            CallFailed failed = await(CallFailed.class, call, CallFailed::call);
            assertEquals(486, failed.code());
            assertEquals("Busy Here", failed.reason());
            assertEquals(0, busy.awaitExit(WAIT), busy.output());
        }
    }

    @Test
    void sessionProgressWithSdpIsEarlyMedia() throws Exception {
        try (Sipp callee = Sipp.uas(dir, "uas_early_media_486.xml", portEarly, Map.of())) {
            CallId call = new CallId("out-early");
            ua.execute(new Dial(call, "2183"));
            explained(callee, () -> await(EarlyMedia.class, call, EarlyMedia::call));
            assertEquals(486, await(CallFailed.class, call, CallFailed::call).code());
            assertEquals(0, callee.awaitExit(WAIT), callee.output());
        }
    }

    /** YEALINK.md flow 4 as the holder: re-INVITE with a=sendonly, then a=sendrecv to resume. */
    @Test
    void holdAndResumeAreReInvitesWithSendonlyThenSendrecv() throws Exception {
        try (Sipp callee = Sipp.uas(dir, "uas_answer_hold.xml", portHold, Map.of())) {
            CallId call = new CallId("out-hold");
            ua.execute(new Dial(call, "3100"));
            answeredAndAcked(callee, call);
            ua.execute(new Hold(call));
            awaitCount(callee, "ACK sip:", 2);
            ua.execute(new Resume(call));
            awaitCount(callee, "ACK sip:", 3);
            ua.execute(new Hangup(call));
            assertEquals(0, callee.awaitExit(WAIT), callee.output()); // its ereg checks failed the call otherwise
        }
    }

    /** account.X.hold_use_inactive=1: hold with a=inactive (IP direct to the callee, a second phone). */
    @Test
    void holdUsesInactiveWhenConfigured() throws Exception {
        RecordingEventSink direct = new RecordingEventSink();
        SipAccount inactive = SipTestAccounts.registeredAt(kamailio, "1009", "x").enabled(false).holdUseInactive(true).build();
        try (Sipp callee = Sipp.uas(dir, "uas_answer_hold_inactive.xml", Map.of());
             JainSipSignalling phone = JainSipSignalling.start(inactive, direct)) {
            CallId call = new CallId("out-inactive");
            phone.execute(new Dial(call, "sip:hold@127.0.0.1:" + callee.port));
            explained(callee, () -> direct.await(Answered.class, WAIT));
            awaitCount(callee, "ACK sip:", 1);
            phone.execute(new Hold(call));
            awaitCount(callee, "ACK sip:", 2);
            phone.execute(new Resume(call));
            awaitCount(callee, "ACK sip:", 3);
            phone.execute(new Hangup(call));
            assertEquals(0, callee.awaitExit(WAIT), callee.output());
        }
    }

    /** YEALINK.md flow 3 as the caller: CANCEL after the 180; the 487 ends it quietly. */
    @Test
    void cancelBeforeAnswerSendsCancel() throws Exception {
        try (Sipp callee = Sipp.uas(dir, "uas_ring_cancel.xml", portRing, Map.of())) {
            CallId call = new CallId("out-cancel");
            ua.execute(new Dial(call, "2100"));
            explained(callee, () -> await(Ringing.class, call, Ringing::call));
            ua.execute(new CancelCall(call));
            assertEquals(0, callee.awaitExit(WAIT), callee.output());
        }
    }

    /**
     * RFC 3261 §9.1: when the 200 wins over our CANCEL, we ACK it and hang up with BYE, silently.
     * IP direct (a second, unregistered phone): the callee answers with the CANCEL's Via, which is
     * the INVITE's only when no proxy stands between.
     */
    @Test
    void answerThatBeatsOurCancelIsAckedAndHungUp() throws Exception {
        RecordingEventSink direct = new RecordingEventSink();
        SipAccount ipDirect = SipTestAccounts.registeredAt(kamailio, "1009", "x").enabled(false).build();
        try (Sipp callee = Sipp.uas(dir, "uas_cancel_race.xml", Map.of());
             JainSipSignalling phone = JainSipSignalling.start(ipDirect, direct)) {
            CallId call = new CallId("out-race");
            phone.execute(new Dial(call, "127*0*0*1#" + callee.port));
            direct.await(Ringing.class, WAIT);
            phone.execute(new CancelCall(call));
            assertEquals(0, callee.awaitExit(WAIT), callee.output()); // it got the ACK and the BYE
            RawSip.request(ipDirect.localPort(), "OPTIONS", WAIT); // a barrier: the worker has handled the 200
            assertTrue(direct.pending().stream().noneMatch(e -> e instanceof Answered), direct.pending().toString());
        }
    }

    /** YEALINK.md flow 6 as the transferor: REFER without Replaces, the sipfrag NOTIFY gives the result. */
    @Test
    void blindTransferSendsReferAndReportsTheNotifiedResult() throws Exception {
        try (Sipp peer = Sipp.uas(dir, "uas_transferee.xml", portTransferee, Map.of())) {
            CallId call = new CallId("out-xfer");
            ua.execute(new Dial(call, "3200"));
            answeredAndAcked(peer, call);
            ua.execute(new BlindTransfer(call, "2002"));
            TransferResult result = explained(peer, () -> await(TransferResult.class, call, TransferResult::call));
            assertEquals(new TransferResult(call, true, 200), result);
            ua.execute(new Hangup(call));
            assertEquals(0, peer.awaitExit(WAIT), peer.output());
            assertTrue(peer.messages().contains("Referred-By: <sip:1001@sipdesk.test>"), peer.messages());
        }
    }

    /** YEALINK.md flow 7 as the transferor: REFER to the held peer with Refer-To: C?Replaces=(our dialog with C). */
    @Test
    void attendedTransferRefersWithReplacesOfTheConsultationCall() throws Exception {
        try (Sipp held = Sipp.uas(dir, "uas_attended_transferee.xml", portTransferee, Map.of());
             Sipp consulted = Sipp.uas(dir, "uas_answer.xml", portC, Map.of())) {
            CallId first = new CallId("out-att-1");
            CallId second = new CallId("out-att-2");
            ua.execute(new Dial(first, "3200"));
            answeredAndAcked(held, first);
            ua.execute(new Dial(second, "3003"));
            answeredAndAcked(consulted, second);
            ua.execute(new AttendedTransfer(first, second));
            TransferResult result = explained(held, () -> await(TransferResult.class, first, TransferResult::call));
            assertEquals(new TransferResult(first, true, 200), result);
            ua.execute(new Hangup(first));
            ua.execute(new Hangup(second));
            assertEquals(0, held.awaitExit(WAIT), held.output()); // its ereg checked the Replaces
            assertEquals(0, consulted.awaitExit(WAIT), consulted.output());
        }
    }

    /**
     * The call is answered and the callee has our ACK. A request we send next cannot overtake that ACK
     * then: through kamailio's two UDP workers it could, and a sipp scenario waiting for the ACK fails.
     */
    private void answeredAndAcked(Sipp callee, CallId call) throws InterruptedException {
        explained(callee, () -> await(Answered.class, call, Answered::call));
        awaitCount(callee, "ACK sip:", 1);
    }

    private static int indexOf(List<String> flow, int from, String... parts) {
        for (int i = from; i < flow.size(); i++) {
            String l = flow.get(i);
            if (java.util.Arrays.stream(parts).allMatch(l::contains)) return i;
        }
        throw new AssertionError("no " + List.of(parts) + " after line " + from + " in\n" + String.join("\n", flow));
    }

    private static int lastIndexBefore(List<String> flow, int before, String... parts) {
        for (int i = before - 1; i >= 0; i--) {
            String l = flow.get(i);
            if (java.util.Arrays.stream(parts).allMatch(l::contains)) return i;
        }
        throw new AssertionError("no " + List.of(parts) + " before line " + before + " in\n" + String.join("\n", flow));
    }

    private static String callIdOf(String line) {
        String rest = line.substring(line.indexOf("cid=") + 4);
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }
}
