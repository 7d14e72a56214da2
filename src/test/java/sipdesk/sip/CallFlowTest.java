package sipdesk.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.core.CallId;
import sipdesk.core.Command.Answer;
import sipdesk.core.Command.AttendedTransfer;
import sipdesk.core.Command.BlindTransfer;
import sipdesk.core.Command.CancelCall;
import sipdesk.core.Command.Dial;
import sipdesk.core.Command.Hold;
import sipdesk.core.Command.Resume;
import sipdesk.core.Command.FollowRedirect;
import sipdesk.core.Command.Hangup;
import sipdesk.core.Command.Redirect;
import sipdesk.core.Command.Reject;
import sipdesk.core.Command.SendRinging;
import sipdesk.core.Party;
import sipdesk.core.PhoneEvent.Answered;
import sipdesk.core.PhoneEvent.CallFailed;
import sipdesk.core.PhoneEvent.EarlyMedia;
import sipdesk.core.PhoneEvent.IncomingCall;
import sipdesk.core.PhoneEvent.IncomingCancelled;
import sipdesk.core.PhoneEvent.MessageWaiting;
import sipdesk.core.PhoneEvent.Redirected;
import sipdesk.core.PhoneEvent.RemoteHangup;
import sipdesk.core.PhoneEvent.RemoteHold;
import sipdesk.core.PhoneEvent.RemoteResume;
import sipdesk.core.PhoneEvent.Ringing;
import sipdesk.core.PhoneEvent.TransferRequested;
import sipdesk.core.PhoneEvent.TransferResult;
import sipdesk.core.PhoneEvent.RegistrationChanged;
import sipdesk.core.RedirectTarget;
import sipdesk.core.RegistrationState;
import sipdesk.testing.RecordingEventSink;
import sipdesk.testing.peers.FreePorts;
import sipdesk.testing.peers.Kamailio;
import sipdesk.testing.peers.RawSip;
import sipdesk.testing.peers.Sipp;

/**
 * Calls through a real kamailio (registrar + record-routing proxy with digest auth) to and from sipp
 * peers. Our UA is 1001; kamailio routes 2002 (B), 3003 (C), 2486 (busy), 2100 (rings until
 * cancelled) 3100 (takes re-INVITEs)
 * 3200 (accepts a REFER)
 * and 2183 (early media, then busy) to sipp UASes. One
 * stack for the whole class.
 */
class CallFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path dir;
    static Kamailio kamailio;
    static JainSipSignalling ua;
    static SipAccount account;
    static final RecordingEventSink events = new RecordingEventSink();
    static final int portB = FreePorts.udpAndTcp();
    static final int portC = FreePorts.udpAndTcp();
    static final int portBusy = FreePorts.udpAndTcp();
    static final int portRing = FreePorts.udpAndTcp();
    static final int portHold = FreePorts.udpAndTcp();
    static final int portTransferee = FreePorts.udpAndTcp();
    static final int portEarly = FreePorts.udpAndTcp();

    @BeforeAll
    static void startProxyAndPhone() throws Exception {
        kamailio = Kamailio.builder().user("1001", "secret")
                .route("2002", portB).route("3003", portC).route("2486", portBusy)
                .route("2100", portRing).route("3100", portHold)
                .route("3200", portTransferee).route("2183", portEarly)
                .start(dir);
        account = SipTestAccounts.registeredAt(kamailio, "1001", "secret").build();
        ua = JainSipSignalling.start(account, events);
        events.await(RegistrationChanged.class, e -> e.state() instanceof RegistrationState.Registered, WAIT);
    }

    @AfterAll
    static void stop() {
        if (ua != null) ua.close();
        if (kamailio != null) kamailio.close();
    }

    private static <T extends sipdesk.core.PhoneEvent> T await(Class<T> type, CallId call, java.util.function.Function<T, CallId> id) {
        return events.await(type, e -> id.apply(e).equals(call), WAIT);
    }

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
            ua.execute(new Hangup(call));
            assertEquals(0, c.awaitExit(WAIT), c.output()); // C got ACK and our BYE along the route set

            String a = "src=127.0.0.1:" + account.localPort() + " ";
            List<String> flow = kamailio.flow();
            int f2 = indexOf(flow, 0, "FWD INVITE sip:2002@sipdesk.test", "dst=sip:127.0.0.1:" + portB);
            int f1 = lastIndexBefore(flow, f2, "REQ INVITE sip:2002@sipdesk.test", a);
            int f3 = indexOf(flow, f2, "RPL 302", "src=127.0.0.1:" + portB);
            int f6 = indexOf(flow, f3, "REQ ACK", a);
            int next = indexOf(flow, f6, "REQ INVITE sip:3003@sipdesk.test", a);
            int toC = indexOf(flow, next, "FWD INVITE sip:3003@sipdesk.test", "dst=sip:127.0.0.1:" + portC);
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

    /** YEALINK.md flow 4 as the holder: re-INVITE with a=sendonly, then a=sendrecv to resume. */
    @Test
    void holdAndResumeAreReInvitesWithSendonlyThenSendrecv() throws Exception {
        try (Sipp callee = Sipp.uas(dir, "uas_answer_hold.xml", portHold, Map.of())) {
            CallId call = new CallId("out-hold");
            ua.execute(new Dial(call, "3100"));
            explained(callee, () -> await(Answered.class, call, Answered::call));
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

    /** YEALINK.md flow 6 as the transferor: REFER without Replaces, the sipfrag NOTIFY gives the result. */
    @Test
    void blindTransferSendsReferAndReportsTheNotifiedResult() throws Exception {
        try (Sipp peer = Sipp.uas(dir, "uas_transferee.xml", portTransferee, Map.of())) {
            CallId call = new CallId("out-xfer");
            ua.execute(new Dial(call, "3200"));
            explained(peer, () -> await(Answered.class, call, Answered::call));
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
            explained(held, () -> await(Answered.class, first, Answered::call));
            ua.execute(new Dial(second, "3003"));
            explained(consulted, () -> await(Answered.class, second, Answered::call));
            ua.execute(new AttendedTransfer(first, second));
            TransferResult result = explained(held, () -> await(TransferResult.class, first, TransferResult::call));
            assertEquals(new TransferResult(first, true, 200), result);
            ua.execute(new Hangup(first));
            ua.execute(new Hangup(second));
            assertEquals(0, held.awaitExit(WAIT), held.output()); // its ereg checked the Replaces
            assertEquals(0, consulted.awaitExit(WAIT), consulted.output());
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

    private static void awaitCount(Sipp peer, String text, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (peer.messages().split(java.util.regex.Pattern.quote(text), -1).length - 1 < count) {
            if (System.nanoTime() > deadline) throw new AssertionError(count + "x " + text + " not seen:\n" + peer.output());
            Thread.sleep(20);
        }
    }

    /** Runs an await; on failure adds what the peer and the proxy saw. */
    private static <T> T explained(Sipp peer, java.util.function.Supplier<T> await) {
        try {
            return await.get();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n--- sipp ---\n" + peer.output() + "\n--- kamailio ---\n"
                    + String.join("\n", kamailio.flow()), e);
        }
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
