package sipdesk.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sipdesk.core.CallId;
import sipdesk.core.Command.Answer;
import sipdesk.core.Command.Dial;
import sipdesk.core.Command.Hangup;
import sipdesk.core.Command.Redirect;
import sipdesk.core.Command.Reject;
import sipdesk.core.Command.SendRinging;
import sipdesk.core.Party;
import sipdesk.core.PhoneEvent.Answered;
import sipdesk.core.PhoneEvent.IncomingCall;
import sipdesk.core.PhoneEvent.IncomingCancelled;
import sipdesk.core.PhoneEvent.MessageWaiting;
import sipdesk.core.PhoneEvent.RemoteHangup;
import sipdesk.core.PhoneEvent.RemoteHold;
import sipdesk.core.PhoneEvent.RemoteResume;
import sipdesk.core.PhoneEvent.TransferRequested;
import sipdesk.testing.peers.RawSip;
import sipdesk.testing.peers.Sipp;

/**
 * Calls and requests to us through a real kamailio from sipp callers: forward with 302, missed
 * calls, answer, reject, the peer's hold and BYE, REFER to us, MWI, OPTIONS and unknown methods.
 */
class IncomingCallFlowTest extends ProxiedPhoneFixture {
    /** YEALINK.md flow 8 from B's side: we forward with 302, Contact: C and a Diversion naming us. */
    @Test
    void incomingCallRedirectedByTheCoreGets302WithContact() throws Exception {
        try (Sipp caller = Sipp.uac(dir, "uac_expect_302.xml", "127.0.0.1:" + kamailio.port, "1001", Map.of())) {
            IncomingCall in = events.await(IncomingCall.class, e -> e.caller().displayName().equals("Sipp Caller")
                    && e.divertedFrom().isEmpty(), WAIT);
            assertEquals(new Party("sip:caller@sipdesk.test", "Sipp Caller"), in.caller());
            ua.execute(new Redirect(in.call(), "3003"));
            assertEquals(0, caller.awaitExit(WAIT), caller.output());
            String seen = caller.messages();
            assertTrue(seen.contains("SIP/2.0 302"), seen);
            assertTrue(seen.contains("Contact: <sip:3003@sipdesk.test>"), seen);
            assertTrue(seen.contains("Diversion: <sip:1001@sipdesk.test>;reason=unconditional"), seen);
        }
    }

    /** YEALINK.md flow 3 from the callee's side: 180, then CANCEL -> 200 + 487, a missed call. */
    @Test
    void callerGivingUpBeforeAnswerIsAMissedCall() throws Exception {
        try (Sipp caller = Sipp.uac(dir, "uac_cancel.xml", "127.0.0.1:" + kamailio.port, "1001", Map.of())) {
            IncomingCall in = explained(caller, () -> events.await(IncomingCall.class, e -> e.divertedFrom().isPresent(), WAIT));
            assertEquals(Optional.of(Party.of("sip:2002@sipdesk.test")), in.divertedFrom());
            ua.execute(new SendRinging(in.call()));
            await(IncomingCancelled.class, in.call(), IncomingCancelled::call);
            assertEquals(0, caller.awaitExit(WAIT), caller.output());
        }
    }

    /** YEALINK.md flows 1 and 4 as the callee: auto-answer asked, we answer; the peer holds, resumes, hangs up. */
    @Test
    void answeredIncomingCallFollowsThePeersHoldResumeAndBye() throws Exception {
        try (Sipp caller = Sipp.uac(dir, "uac_answered_hold_bye.xml", "127.0.0.1:" + kamailio.port, "1001", Map.of())) {
            IncomingCall in = explained(caller, () -> events.await(IncomingCall.class, IncomingCall::autoAnswer, WAIT));
            ua.execute(new Answer(in.call()));
            explained(caller, () -> await(RemoteHold.class, in.call(), RemoteHold::call));
            explained(caller, () -> await(RemoteResume.class, in.call(), RemoteResume::call));
            explained(caller, () -> await(RemoteHangup.class, in.call(), RemoteHangup::call));
            assertEquals(0, caller.awaitExit(WAIT), caller.output());
            assertTrue(caller.messages().contains("a=recvonly"), "our answer to a=sendonly is a=recvonly");
        }
    }

    /** RFC 2543 hold (c=0.0.0.0 with a=sendrecv, Yealink sip.rfc2543_hold=1) is hold too. */
    @Test
    void holdWithTheNullConnectionAddressIsRemoteHold() throws Exception {
        try (Sipp caller = Sipp.uac(dir, "uac_answered_rfc2543_hold_bye.xml", "127.0.0.1:" + kamailio.port, "1001", Map.of())) {
            IncomingCall in = explained(caller, () -> events.await(IncomingCall.class, IncomingCall::autoAnswer, WAIT));
            ua.execute(new Answer(in.call()));
            explained(caller, () -> await(RemoteHold.class, in.call(), RemoteHold::call));
            explained(caller, () -> await(RemoteResume.class, in.call(), RemoteResume::call));
            explained(caller, () -> await(RemoteHangup.class, in.call(), RemoteHangup::call));
            assertEquals(0, caller.awaitExit(WAIT), caller.output());
        }
    }

    /** Yealink DND: the core rejects with 480 before any ringing. */
    @Test
    void rejectSendsTheCodeTheCoreChose() throws Exception {
        try (Sipp caller = Sipp.uac(dir, "uac_expect_480.xml", "127.0.0.1:" + kamailio.port, "1001", Map.of())) {
            IncomingCall in = explained(caller, () -> events.await(IncomingCall.class,
                    e -> e.caller().displayName().equals("Sipp Caller") && e.divertedFrom().isEmpty(), WAIT));
            ua.execute(new Reject(in.call(), 480));
            assertEquals(0, caller.awaitExit(WAIT), caller.output());
            assertTrue(caller.messages().contains("SIP/2.0 480"), caller.messages());
        }
    }

    /** YEALINK.md flow 6 as the transferee: 202, TransferRequested, the core dials, NOTIFYs report it. */
    @Test
    void referFromThePeerAsksTheCoreToCallTheTargetAndTheOutcomeIsNotified() throws Exception {
        try (Sipp target = Sipp.uas(dir, "uas_answer.xml", portC, Map.of());
             Sipp transferor = Sipp.uac(dir, "uac_transferor.xml", "127.0.0.1:" + kamailio.port, "1001",
                     Map.of("target", "sip:3003@sipdesk.test"))) {
            IncomingCall in = explained(transferor, () -> events.await(IncomingCall.class,
                    e -> e.caller().displayName().equals("Transferor"), WAIT));
            ua.execute(new Answer(in.call()));
            TransferRequested asked = explained(transferor, () -> await(TransferRequested.class, in.call(), TransferRequested::call));
            assertEquals("sip:3003@sipdesk.test", asked.target());
            CallId newCall = new CallId("out-transferred");
            ua.execute(new Dial(newCall, asked.target()));
            explained(target, () -> await(Answered.class, newCall, Answered::call));
            explained(transferor, () -> await(RemoteHangup.class, in.call(), RemoteHangup::call));
            assertEquals(0, transferor.awaitExit(WAIT), transferor.output());
            ua.execute(new Hangup(newCall));
            assertEquals(0, target.awaitExit(WAIT), target.output());
        }
    }

    /** RFC 3842 unsolicited message-summary (Asterisk style, no SUBSCRIBE): MessageWaiting(new, old). */
    @Test
    void unsolicitedMessageSummaryNotifyReportsVoicemail() throws Exception {
        String answer = RawSip.request("127.0.0.1", account.localPort(), "NOTIFY",
                "Event: message-summary\r\nSubscription-State: active\r\nContent-Type: application/simple-message-summary\r\n",
                "Messages-Waiting: yes\r\nMessage-Account: sip:*97@sipdesk.test\r\nVoice-Message: 2/8 (0/0)\r\n", WAIT);
        assertTrue(answer.startsWith("SIP/2.0 200"), answer);
        assertEquals(new MessageWaiting(2, 8), events.await(MessageWaiting.class, WAIT));
    }

    @Test
    void optionsIsAnsweredWithAllowAndAccept() throws Exception {
        String answer = RawSip.request(account.localPort(), "OPTIONS", WAIT);
        assertTrue(answer.startsWith("SIP/2.0 200"), answer);
        assertTrue(answer.contains("Allow: INVITE"), answer);
        assertTrue(answer.contains("Accept: application/sdp"), answer);
    }

    @Test
    void unsupportedMethodsGet405AndUnknownOnes501() throws Exception {
        String subscribe = RawSip.request(account.localPort(), "SUBSCRIBE", WAIT);
        assertTrue(subscribe.startsWith("SIP/2.0 405"), subscribe);
        assertTrue(subscribe.contains("Allow: INVITE"), subscribe);
        String unknown = RawSip.request(account.localPort(), "FROBNICATE", WAIT);
        assertTrue(unknown.startsWith("SIP/2.0 501"), unknown);
    }
}
