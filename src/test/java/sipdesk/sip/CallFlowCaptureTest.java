package sipdesk.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.core.CallId;
import sipdesk.core.Command.Dial;
import sipdesk.core.Command.Hangup;
import sipdesk.core.Command.Answer;
import sipdesk.core.PhoneEvent.Answered;
import sipdesk.core.PhoneEvent.IncomingCall;
import sipdesk.core.PhoneEvent.RemoteHangup;
import sipdesk.testing.RecordingEventSink;
import sipdesk.testing.peers.Kamailio;
import sipdesk.testing.peers.PortReservation;
import sipdesk.testing.peers.Sipp;

/** {@code JainSipSignalling.flows(N)} after a real call through kamailio to a sipp UAS (Yealink flow 1). */
class CallFlowCaptureTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    static final PortReservation callee = PortReservation.take();

    @TempDir
    static Path dir;
    static Kamailio kamailio;
    static JainSipSignalling ua;
    static SipAccount account;
    static RecordingEventSink events;

    @BeforeAll
    static void start() throws Exception {
        kamailio = Kamailio.builder().user("1001", "secret").route("1005", callee.port).start(dir);
        events = new RecordingEventSink();
        account = SipTestAccounts.registeredAt(kamailio, "1001", "secret").build();
        ua = SipTestAccounts.startRegistered(account, events);
    }

    @AfterAll
    static void stop() {
        if (ua != null) ua.close();
        if (kamailio != null) kamailio.close();
    }

    @Test
    void anAnsweredCallShowsInviteRingingOkAckByeOkInOrder() throws Exception {
        assertTrue(!ua.flows(20).contains("REGISTER"), "a registration is no call: " + ua.flows(20));
        try (Sipp b = Sipp.uas(dir, "uas_answer.xml", callee, Map.of())) {
            CallId call = new CallId("flow-1");
            ua.execute(new Dial(call, "1005"));
            events.await(Answered.class, e -> e.call().equals(call), WAIT);
            // Before the BYE, the callee has our ACK: kamailio's two workers could otherwise swap them.
            ProxiedPhoneFixture.awaitCount(b, "ACK sip:", 1);
            ua.execute(new Hangup(call));
            assertEquals(0, b.awaitExit(WAIT), b.output());
        }
        String table = awaitSteps(t -> containsAll(t, " 407 ", " 180 ", " 200 OK (INVITE)", " BYE ", " 200 OK (BYE)"));
        String us = "127.0.0.1:" + account.localPort();
        String proxy = "127.0.0.1:" + kamailio.port;
        List<String> lines = table.lines().toList();
        assertTrue(lines.get(0).matches("call \\d+ \\(Call-ID [^)]+\\): 1001 -> 1005"), table);
        // kamailio challenges the first INVITE (407, ACK); the rest is flow 1 of the Yealink appendix.
        String out = " " + us + " -> " + proxy;
        String in = " " + proxy + " -> " + us;
        List<List<String>> expected = List.of( // start of the step, end of the step (reason phrases are kamailio's)
                List.of("INVITE sip:1005@sipdesk.test", out),
                List.of("100 ", "(INVITE)" + in),
                List.of("180 ", "(INVITE)" + in),
                List.of("200 ", "(INVITE)" + in),
                List.of("ACK sip:answer@127.0.0.1:" + callee.port, out),
                List.of("BYE sip:answer@127.0.0.1:" + callee.port, out),
                List.of("200 ", "(BYE)" + in));
        List<String> steps = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            assertTrue(l.startsWith("F" + i + " "), "numbered F1, F2, ...:\n" + table);
            steps.add(l.substring(l.indexOf(' ')).trim().replaceAll(" {2,}", " "));
        }
        int at = 0;
        for (List<String> step : expected) {
            int found = at;
            while (found < steps.size() && !(steps.get(found).startsWith(step.get(0)) && steps.get(found).endsWith(step.get(1)))) found++;
            assertTrue(found < steps.size(), "'" + step + "' not found after step F" + at + " in\n" + table);
            at = found + 1;
        }
        assertEquals(at, steps.size(), "nothing after the 200 to BYE:\n" + table);
        // The stack hands each received response to the logger twice; it shows once.
        assertEquals(1, steps.stream().filter(l -> l.startsWith("180 ")).count(), table);
        assertEquals(1, steps.stream().filter(l -> l.startsWith("200 ") && l.contains("(INVITE)")).count(), table);
        assertTrue(steps.get(0).startsWith("INVITE ") && steps.get(1).startsWith("407 "), table);
    }

    /** An incoming call (sipp calls 1001 through kamailio, holds, resumes, hangs up): each message once, in order. */
    @Test
    void anIncomingCallShowsWhatWeReceivedAndSent() throws Exception {
        try (Sipp caller = Sipp.uac(dir, "uac_answered_hold_bye.xml", "127.0.0.1:" + kamailio.port, "1001", Map.of())) {
            IncomingCall in = events.await(IncomingCall.class, IncomingCall::autoAnswer, WAIT);
            ua.execute(new Answer(in.call()));
            events.await(RemoteHangup.class, e -> e.call().equals(in.call()), WAIT);
            assertEquals(0, caller.awaitExit(WAIT), caller.output());
        }
        String table = awaitSteps(t -> count(t, "200 OK (BYE)") == 1 && count(t, "ACK ") >= 3 && count(t, "200 OK (INVITE)") >= 3);
        String last = table.substring(table.lastIndexOf("call "));
        List<String> lines = last.lines().toList();
        assertTrue(lines.get(0).matches("call \\d+ \\(Call-ID [^)]+\\): \\S+ -> 1001"), table);
        String us = "127.0.0.1:" + account.localPort();
        List<String> steps = lines.subList(1, lines.size()).stream()
                .map(l -> l.substring(l.indexOf(' ')).trim().replaceAll(" {2,}", " ")).toList();
        assertTrue(steps.get(0).startsWith("INVITE sip:1001@") && steps.get(0).endsWith("-> " + us), last);
        assertTrue(steps.get(steps.size() - 1).startsWith("200 OK (BYE) " + us + " ->"), last);
        assertEquals(3, steps.stream().filter(l -> l.startsWith("INVITE ")).count(), "call, hold, resume:\n" + last);
        assertEquals(3, steps.stream().filter(l -> l.startsWith("200 OK (INVITE) " + us)).count(), last);
        assertEquals(3, steps.stream().filter(l -> l.startsWith("ACK ")).count(), last);
    }

    /**
     * The last call's table once it is {@code complete}: the stack reports a message it
     * sent after sending it, and a received one on its own thread, so the answer to our BYE (or the ACK
     * of a 407) can be in the table before the BYE (or the 407) is; each takes its place when it comes.
     */
    private static String awaitSteps(Predicate<String> complete) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String table = ua.flows(1);
        while (!complete.test(table) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            table = ua.flows(1);
        }
        return table;
    }

    private static boolean containsAll(String table, String... parts) {
        for (String part : parts) if (!table.contains(part)) return false;
        return true;
    }

    private static int count(String table, String part) {
        return table.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
