package sipdesk.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.core.PhoneEvent.RegistrationChanged;
import sipdesk.core.RegistrationState;
import sipdesk.testing.RecordingEventSink;
import sipdesk.testing.peers.Kamailio;
import sipdesk.testing.peers.RawSip;

/**
 * RFC 4475 torture messages as raw UDP datagrams to our listening point on 127.0.0.1 (the real
 * transport and parser, not the message factory), while the UA is registered at a real kamailio
 * that grants 10 s, so a refresh is due during the test.
 */
class MalformedInputTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** How long to listen for (the absence of) an answer. */
    private static final Duration LISTEN = Duration.ofMillis(600);
    /** A status line a peer can parse: code, one SP, printable reason, CRLF (RFC 3261 §7.2). */
    private static final Pattern STATUS_LINE = Pattern.compile("SIP/2\\.0 [1-6]\\d\\d [\\x20-\\x7E]*");

    @TempDir
    static Path dir;
    static Kamailio kamailio;
    static JainSipSignalling ua;
    static SipAccount account;
    static RecordingEventSink events;

    @BeforeAll
    static void startRegistered() throws Exception {
        kamailio = Kamailio.builder().user("1001", "secret").maxExpires(10).start(dir);
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
    void validButTrickyRequestsAreAnswered200() throws Exception {
        for (var m : TortureMessages.validOptions().entrySet()) {
            List<String> answers = send(m.getKey(), m.getValue());
            assertEquals(1, answers.size(), m.getKey() + ": " + answers);
            assertEquals("SIP/2.0 200 OK", statusLine(answers.get(0)), m.getKey());
        }
    }

    /** Parsed fine, refused by method: 405 for methods we know and do not take, 501 for unknown ones. */
    @Test
    void unknownMethodsGet501AndUnsupportedOnes405() throws Exception {
        for (var m : TortureMessages.methods().entrySet()) {
            List<String> answers = send(m.getKey(), m.getValue().getKey());
            assertEquals(1, answers.size(), m.getKey() + ": " + answers); // dblreq: the trailing INVITE is ignored
            assertTrue(statusLine(answers.get(0)).startsWith("SIP/2.0 " + m.getValue().getValue() + " "),
                    m.getKey() + ": " + answers.get(0));
        }
    }

    @Test
    void malformedRequestsGet400WithACleanStatusLine() throws Exception {
        Map<String, String> invalid = TortureMessages.invalidRequests();
        for (var m : invalid.entrySet()) {
            List<String> answers = send(m.getKey(), m.getValue());
            switch (m.getKey()) {
                // No Call-ID/From/To/CSeq, or no Via: nothing to build an answer from; dropped.
                case "insuf", "no-via" -> assertEquals(List.of(), answers, m.getKey());
                case "badvers" -> assertEquals("SIP/2.0 505 SIP version not supported", statusLine(only(m.getKey(), answers)));
                // RFC 4475 §3.1.2.9 allows leniency for extra spaces in the request line; JAIN-SIP is lenient.
                case "lwsstart" -> assertEquals("SIP/2.0 200 OK", statusLine(only(m.getKey(), answers)));
                default -> {
                    String answer = only(m.getKey(), answers);
                    assertTrue(statusLine(answer).startsWith("SIP/2.0 400 "), m.getKey() + ": " + answer);
                }
            }
            for (String answer : answers) assertCleanHeaderSection(m.getKey(), answer);
        }
    }

    /** The automatic 400 echoes the parser's text; it must stay on one printable line. */
    @Test
    void theReasonPhraseOfA400NamesTheProblemWithoutRawLineEnds() throws Exception {
        String answer = only("ncl", send("ncl", TortureMessages.invalidRequests().get("ncl")));
        assertTrue(STATUS_LINE.matcher(statusLine(answer)).matches(), answer);
        assertTrue(statusLine(answer).contains("Content-Length"), answer);
    }

    @Test
    void responsesWithoutATransactionAreNeverAnsweredEvenMalformedOnes() throws Exception {
        for (var m : TortureMessages.responses().entrySet()) {
            assertEquals(List.of(), send(m.getKey(), m.getValue()), m.getKey());
        }
    }

    /** A UDP datagram over 16 KB gets 400; a TCP message over MAX_MESSAGE_SIZE closes the connection. */
    @Test
    void oversizedMessagesAreRefusedAndTheStackSurvives() throws Exception {
        String bigUdp = TortureMessages.simple("OPTIONS", "X-Filler: " + "a".repeat(40_000) + "\r\n");
        String answer = only("udp 40 KB", RawSip.exchange(account.localPort(), bigUdp, LISTEN));
        assertTrue(statusLine(answer).startsWith("SIP/2.0 400 Bad Request (Message Too Large"), answer);

        String bigTcp = tcp(TortureMessages.simple("OPTIONS", "X-Filler: " + "a".repeat(70_000) + "\r\n"));
        assertEquals("", RawSip.tcpExchange(account.localPort(), bigTcp.getBytes(StandardCharsets.ISO_8859_1), Duration.ofSeconds(3)));

        String okTcp = RawSip.tcpExchange(account.localPort(), tcp(TortureMessages.simple("OPTIONS", "")).getBytes(StandardCharsets.ISO_8859_1), Duration.ofSeconds(2));
        assertTrue(okTcp.startsWith("SIP/2.0 200 OK"), okTcp);
        assertTrue(RawSip.request(account.localPort(), "OPTIONS", WAIT).startsWith("SIP/2.0 200"));
    }

    /**
     * After every kind of bad input and bursts of 400 OPTIONS and 400 requests of an unknown method
     * (each more than MAX_SERVER_TRANSACTIONS, 200; both are answered statelessly, so they take no
     * transaction): OPTIONS still gets 200 within seconds and the registration is still refreshed.
     */
    @Test
    void afterTheTortureOptionsGets200AndTheRegistrationIsRefreshed() throws Exception {
        long before = registers();
        for (var m : TortureMessages.invalidRequests().entrySet()) send(m.getKey() + "-again", m.getValue());
        for (var m : TortureMessages.responses().entrySet()) send(m.getKey() + "-again", m.getValue());
        RawSip.exchange(account.localPort(), "\u0000".repeat(100), LISTEN);
        RawSip.exchange(account.localPort(), "\r\n\r\n", LISTEN);
        flood("OPTIONS", 400);
        flood("FOOBAR", 400);

        // Right after the bursts the stack is still working through them (about 2 s on a loaded
        // machine) and may drop a request: ask again each second, as a UAC retransmits.
        List<String> answered = List.of();
        for (int i = 0; i < 10 && answered.isEmpty(); i++) {
            answered = RawSip.exchange(account.localPort(), TortureMessages.simple("OPTIONS", ""), Duration.ofSeconds(1));
        }
        assertTrue(!answered.isEmpty() && answered.get(0).startsWith("SIP/2.0 200"), answered.toString());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (registers() == before && System.nanoTime() < deadline) Thread.sleep(50);
        assertTrue(registers() > before, "no REGISTER refresh after the bad input:\n" + String.join("\n", kamailio.flow()));
        assertTrue(events.pending().stream().noneMatch(e -> e instanceof RegistrationChanged r
                && r.state() instanceof RegistrationState.Failed), events.pending().toString());
    }

    /** {@code n} requests with distinct branches from one socket, as fast as it can send; answers ignored. */
    private static void flood(String method, int n) throws IOException {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < n; i++) {
                byte[] b = TortureMessages.simple(method, "").replace("$VIA", "127.0.0.1:" + s.getLocalPort())
                        .replace("$PORT", Integer.toString(account.localPort())).getBytes(StandardCharsets.ISO_8859_1);
                s.send(new java.net.DatagramPacket(b, b.length, java.net.InetAddress.getLoopbackAddress(), account.localPort()));
            }
        }
    }

    private long registers() {
        return kamailio.flow().stream()
                .filter(l -> l.startsWith("REQ REGISTER") && l.contains("src=127.0.0.1:" + account.localPort() + " ")).count();
    }

    /** Sends one message with a top-Via branch of its own (JAIN-SIP matches transactions by branch). */
    private static List<String> send(String name, String message) throws IOException {
        return RawSip.exchange(account.localPort(), message.replace("z9hG4bKkdjuw", "z9hG4bKkdjuw" + name.replaceAll("\\W", "") + System.nanoTime()), LISTEN);
    }

    private static String tcp(String udpMessage) {
        return udpMessage.replace("SIP/2.0/UDP $VIA", "SIP/2.0/TCP 127.0.0.1:9").replace("$PORT", Integer.toString(account.localPort()));
    }

    private static String only(String name, List<String> answers) {
        assertEquals(1, answers.size(), name + ": " + answers);
        return answers.get(0);
    }

    private static String statusLine(String answer) {
        int end = answer.indexOf("\r\n");
        return end < 0 ? answer : answer.substring(0, end);
    }

    /** Every header line ends in CRLF: no bare CR or LF inside the status line or any header. */
    private static void assertCleanHeaderSection(String name, String answer) {
        int end = answer.indexOf("\r\n\r\n");
        assertTrue(end > 0, name + ": no end of headers in " + answer);
        for (String line : answer.substring(0, end).split("\r\n", -1)) {
            assertTrue(line.indexOf('\r') < 0 && line.indexOf('\n') < 0, name + ": raw line end in '" + line + "'");
        }
        assertTrue(STATUS_LINE.matcher(statusLine(answer)).matches(), name + ": " + statusLine(answer));
    }
}
