package sipdesk.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import sipdesk.testing.peers.PortReservation;
import sipdesk.testing.peers.RawSip;
import sipdesk.testing.peers.Sipp;
import sipdesk.core.PhoneEvent.RegistrationChanged;
import sipdesk.core.RegistrationState;
import sipdesk.testing.LogRecorder;
import sipdesk.testing.RecordingEventSink;
import sipdesk.testing.peers.Kamailio;

/** REGISTER with digest through a real kamailio registrar. */
class RegistrationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;
    static Kamailio kamailio;

    @BeforeAll
    static void startRegistrar() throws Exception {
        kamailio = Kamailio.builder().user("1001", "secret").user("1002", "secret").maxExpires(120)
                .start(java.nio.file.Files.createDirectories(dir.resolve("k1")));
    }

    @AfterAll
    static void stopRegistrar() {
        if (kamailio != null) kamailio.close();
    }

    @Test
    void registersWithDigestAndUnregistersOnClose() throws Exception {
        RecordingEventSink events = new RecordingEventSink();
        SipAccount account = SipTestAccounts.registeredAt(kamailio, "1001", "secret").build();
        try (JainSipSignalling ua = JainSipSignalling.start(account, events)) {
            assertTrue(events.await(RegistrationChanged.class, WAIT).state() instanceof RegistrationState.Registering);
            RegistrationState s = events.await(RegistrationChanged.class, WAIT).state();
            assertEquals(new RegistrationState.Registered("127.0.0.1:" + kamailio.port, "sip:1001@sipdesk.test"), s);
            // 401 first, then the REGISTER with credentials.
            assertEquals(2, registers(account).size(), String.join("\n", kamailio.flow()));
        }
        // close() waited for the answer to Expires: 0 (challenged again, then accepted).
        assertEquals(4, registers(account).size(), String.join("\n", kamailio.flow()));
    }

    @Test
    void registersOverTcp() throws Exception {
        RecordingEventSink events = new RecordingEventSink();
        SipAccount account = SipTestAccounts.registeredAt(kamailio, "1001", "secret")
                .server1(new SipAccount.SipServer("127.0.0.1", kamailio.port, SipAccount.Transport.TCP)).build();
        try (JainSipSignalling ua = JainSipSignalling.start(account, events)) {
            RegistrationChanged ok = events.await(RegistrationChanged.class,
                    e -> !(e.state() instanceof RegistrationState.Registering), WAIT);
            assertTrue(ok.state() instanceof RegistrationState.Registered, ok.toString());
            assertTrue(kamailio.flow().stream().anyMatch(l -> l.startsWith("REQ REGISTER") && l.endsWith("proto=tcp")),
                    String.join("\n", kamailio.flow()));
        }
    }

    /** The message trace (FINE) shows every message but never a digest answer. */
    @Test
    void messageLogRedactsCredentials() throws Exception {
        java.util.logging.Logger messages = java.util.logging.Logger.getLogger("sipdesk.sip.messages");
        java.util.List<String> logged = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override public void publish(java.util.logging.LogRecord r) { logged.add(r.getMessage()); }
            @Override public void flush() {}
            @Override public void close() {}
        };
        java.util.logging.Level before = messages.getLevel();
        messages.setLevel(java.util.logging.Level.FINE);
        messages.addHandler(capture);
        try {
            RecordingEventSink events = new RecordingEventSink();
            SipAccount account = SipTestAccounts.registeredAt(kamailio, "1001", "secret").build();
            try (JainSipSignalling ua = JainSipSignalling.start(account, events)) {
                events.await(RegistrationChanged.class, e -> e.state() instanceof RegistrationState.Registered, WAIT);
            }
        } finally {
            messages.removeHandler(capture);
            messages.setLevel(before);
        }
        String all = String.join("\n", logged);
        assertTrue(all.contains("Authorization: <redacted>"), all);
        assertTrue(all.contains("WWW-Authenticate"), "challenges are not secret");
        assertTrue(!all.contains("response=") && !all.contains("cnonce="), all);
    }

    /** With an outbound proxy the REGISTER goes there (a loose Route), even when the registrar has no address. */
    @Test
    void registersThroughTheOutboundProxy() throws Exception {
        RecordingEventSink events = new RecordingEventSink();
        SipAccount account = SipTestAccounts.registeredAt(kamailio, "1001", "secret")
                .server1(SipAccount.SipServer.udp("sipdesk.invalid", 5060))
                .outboundProxy(SipAccount.SipServer.udp("127.0.0.1", kamailio.port)).build();
        try (JainSipSignalling ua = JainSipSignalling.start(account, events)) {
            RegistrationChanged ok = events.await(RegistrationChanged.class,
                    e -> !(e.state() instanceof RegistrationState.Registering), WAIT);
            assertEquals(new RegistrationState.Registered("sipdesk.invalid:5060", "sip:1001@sipdesk.test"), ok.state());
        }
    }

    @Test
    void wrongPasswordReportsFailed() throws Exception {
        RecordingEventSink events = new RecordingEventSink();
        SipAccount account = SipTestAccounts.registeredAt(kamailio, "1002", "wrong").regRetrySeconds(60).build();
        try (JainSipSignalling ua = JainSipSignalling.start(account, events)) {
            RegistrationChanged failed = events.await(RegistrationChanged.class,
                    e -> e.state() instanceof RegistrationState.Failed, WAIT);
            assertEquals(new RegistrationState.Failed("127.0.0.1:" + kamailio.port, "authentication failed"), failed.state());
        }
    }

    @Test
    void registersWithSha256DigestAndRefreshesAtTheGrantedExpiry() throws Exception {
        // The registrar grants 12 s of the 300 asked for: the refresh must come after about 6 s.
        try (Kamailio sha = Kamailio.builder().user("1003", "secret").algorithm("SHA-256").maxExpires(12)
                .start(java.nio.file.Files.createDirectories(dir.resolve("k2")))) {
            RecordingEventSink events = new RecordingEventSink();
            SipAccount account = SipTestAccounts.registeredAt(sha, "1003", "secret").build();
            try (LogRecorder log = new LogRecorder("sipdesk.sip"); JainSipSignalling ua = JainSipSignalling.start(account, events)) {
                RegistrationChanged ok = events.await(RegistrationChanged.class,
                        e -> !(e.state() instanceof RegistrationState.Registering), WAIT);
                assertTrue(ok.state() instanceof RegistrationState.Registered, ok + " " + sha.output());
                long before = registerCount(sha);
                long t0 = System.nanoTime();
                long deadline = t0 + Duration.ofSeconds(12).toNanos();
                while (registerCount(sha) == before && System.nanoTime() < deadline) Thread.sleep(20);
                assertTrue(registerCount(sha) > before, "no refresh:\n" + String.join("\n", sha.flow()));
                long waited = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(waited > 3000, "refreshed after " + waited + " ms");
                // Refreshing reuses the nonce or is challenged again; either way no Failed event, once the
                // phone has taken the refresh's 200 (its second "registered at" line).
                String line = "registered at 127.0.0.1:" + sha.port + " ";
                assertTrue(log.await(m -> m.startsWith(line), 2, WAIT), log.atLeast(java.util.logging.Level.INFO).toString());
                assertTrue(events.pending().stream().noneMatch(e -> e instanceof RegistrationChanged r
                        && r.state() instanceof RegistrationState.Failed), events.pending().toString());
            }
        }
    }

    /** reg_fail_retry_interval, doubled after each failure: about 1 s, then 2 s, between attempts. */
    @Test
    void failedRegistrationIsRetriedWithGrowingDelays() throws Exception {
        RecordingEventSink events = new RecordingEventSink();
        SipAccount account = SipTestAccounts.registeredAt(kamailio, "1002", "wrong").regRetrySeconds(1).build();
        try (JainSipSignalling ua = JainSipSignalling.start(account, events)) {
            long[] failedAt = new long[3];
            for (int i = 0; i < 3; i++) {
                events.await(RegistrationChanged.class, e -> e.state() instanceof RegistrationState.Failed, WAIT);
                failedAt[i] = System.nanoTime();
            }
            long first = (failedAt[1] - failedAt[0]) / 1_000_000;
            long second = (failedAt[2] - failedAt[1]) / 1_000_000;
            assertTrue(first >= 900 && second >= 1800, "retry gaps " + first + " ms, " + second + " ms");
        }
    }

    @Test
    void ipDirectWhenTheAccountIsOff() throws Exception {
        RecordingEventSink events = new RecordingEventSink();
        SipAccount account = SipTestAccounts.registeredAt(kamailio, "1001", "secret").enabled(false).build();
        try (JainSipSignalling ua = JainSipSignalling.start(account, events)) {
            assertEquals(new RegistrationState.IpDirect("127.0.0.1"), events.await(RegistrationChanged.class, WAIT).state());
        }
    }

    @Test
    void failsOverToServer2WhenServer1Answers503() throws Exception {
        try (Sipp down = Sipp.uas(dir, "uas_register_503.xml", Map.of())) {
            RecordingEventSink events = new RecordingEventSink();
            SipAccount account = SipTestAccounts.registeredAt(kamailio, "1001", "secret")
                    .server1(SipAccount.SipServer.udp("127.0.0.1", down.port))
                    .server2(SipAccount.SipServer.udp("127.0.0.1", kamailio.port)).build();
            try (JainSipSignalling ua = JainSipSignalling.start(account, events)) {
                String s1 = "127.0.0.1:" + down.port;
                String s2 = "127.0.0.1:" + kamailio.port;
                assertEquals(new RegistrationState.Registering(s1), events.await(RegistrationChanged.class, WAIT).state());
                assertEquals(new RegistrationState.Failed(s1, "503 Service Unavailable"), events.await(RegistrationChanged.class, WAIT).state());
                assertEquals(new RegistrationState.Registering(s2), events.await(RegistrationChanged.class, WAIT).state());
                assertEquals(new RegistrationState.Registered(s2, "sip:1001@sipdesk.test"), events.await(RegistrationChanged.class, WAIT).state());
            }
            assertEquals(0, down.awaitExit(WAIT), down.output());
        }
    }

    /**
     * Yealink failback: server 1 answers 503, the phone registers at server 2; server 1 comes back
     * (a kamailio on its port) and the next probe moves the registration back there.
     */
    @Test
    void failsBackToServer1OnceItAnswersAgain() throws Exception {
        PortReservation s1Port = PortReservation.take();
        Kamailio back = null;
        try {
            RecordingEventSink events = new RecordingEventSink();
            String s1 = "127.0.0.1:" + s1Port.port;
            String s2 = "127.0.0.1:" + kamailio.port;
            try (Sipp down = Sipp.uas(dir, "uas_register_503.xml", s1Port, Map.of())) {
                SipAccount account = SipTestAccounts.registeredAt(kamailio, "1001", "secret")
                        .server1(SipAccount.SipServer.udp("127.0.0.1", s1Port.port))
                        .server2(SipAccount.SipServer.udp("127.0.0.1", kamailio.port)).failbackSeconds(4).build();
                JainSipSignalling ua = JainSipSignalling.start(account, events);
                try {
                    assertEquals(new RegistrationState.Registered(s2, "sip:1001@sipdesk.test"), events.await(RegistrationChanged.class,
                            e -> e.state() instanceof RegistrationState.Registered, WAIT).state());
                    assertEquals(0, down.awaitExit(WAIT), down.output());
                    down.close();
                    s1Port.release();
                    back = Kamailio.builder().user("1001", "secret").port(s1Port.port)
                            .start(java.nio.file.Files.createDirectories(dir.resolve("k-back")));
                    RegistrationChanged again = events.await(RegistrationChanged.class,
                            e -> e.state() instanceof RegistrationState.Registered, Duration.ofSeconds(20));
                    assertEquals(new RegistrationState.Registered(s1, "sip:1001@sipdesk.test"), again.state());
                    Kamailio s1Kamailio = back;
                    assertTrue(s1Kamailio.flow().stream().anyMatch(l -> l.startsWith("REQ REGISTER")), String.join("\n", s1Kamailio.flow()));
                } finally {
                    ua.close();
                }
            }
        } finally {
            if (back != null) back.close();
            s1Port.close();
        }
    }

    /**
     * A stale TCP connection (LIBRARIES.md): the registrar restarts on the same port, so the socket
     * the stack cached is dead. The next refresh must still reach the new registrar over a new
     * connection and the phone end up registered there.
     */
    @Test
    void reRegistersOverANewTcpConnectionAfterTheRegistrarRestarts() throws Exception {
        Kamailio first = Kamailio.builder().user("1001", "secret").maxExpires(12)
                .start(java.nio.file.Files.createDirectories(dir.resolve("tcp-1")));
        int port = first.port;
        Kamailio second = null;
        RecordingEventSink events = new RecordingEventSink();
        SipAccount account = SipTestAccounts.registeredAt(first, "1001", "secret")
                .server1(new SipAccount.SipServer("127.0.0.1", port, SipAccount.Transport.TCP)).build();
        try (LogRecorder log = new LogRecorder("sipdesk.sip"); JainSipSignalling ua = JainSipSignalling.start(account, events)) {
            events.await(RegistrationChanged.class, e -> e.state() instanceof RegistrationState.Registering, WAIT);
            events.await(RegistrationChanged.class, e -> e.state() instanceof RegistrationState.Registered, WAIT);
            String line = "registered at 127.0.0.1:" + port + " ";
            assertTrue(log.await(m -> m.startsWith(line), 1, WAIT)); // logged just after the event
            long registeredBefore = log.count(m -> m.startsWith(line));
            first.close();
            second = Kamailio.builder().user("1001", "secret").maxExpires(12).port(port)
                    .start(java.nio.file.Files.createDirectories(dir.resolve("tcp-2")));
            Kamailio restarted = second;
            long deadline = System.nanoTime() + Duration.ofSeconds(25).toNanos();
            // The refresh (granted 12 s: after about 6 s) is challenged, then sent with credentials.
            while (tcpRegisters(restarted) < 2 && System.nanoTime() < deadline) Thread.sleep(50);
            assertTrue(tcpRegisters(restarted) >= 2, "the refresh did not reach the restarted registrar:\n"
                    + String.join("\n", restarted.flow()) + "\n" + events.pending());
            // The phone has taken the restarted registrar's 200: a "registered at" line after the restart.
            assertTrue(log.await(m -> m.startsWith(line), registeredBefore + 1, WAIT),
                    log.atLeast(java.util.logging.Level.INFO) + "\n" + String.join("\n", restarted.flow()));
            List<RegistrationState> states = events.pending().stream().filter(e -> e instanceof RegistrationChanged)
                    .map(e -> ((RegistrationChanged) e).state()).toList();
            assertTrue(states.isEmpty() || states.get(states.size() - 1) instanceof RegistrationState.Registered, states.toString());
        } finally {
            first.close();
            if (second != null) second.close();
        }
    }

    /** sip_trust_ctrl: while registered, an out-of-dialog request from anyone but the server gets 403. */
    @Test
    void trustedServersOnlyRefusesOthersWhileRegistered() throws Exception {
        RecordingEventSink events = new RecordingEventSink();
        SipAccount account = SipTestAccounts.registeredAt(kamailio, "1001", "secret").trustedServersOnly(true).build();
        try (JainSipSignalling ua = JainSipSignalling.start(account, events)) {
            events.await(RegistrationChanged.class, e -> e.state() instanceof RegistrationState.Registered, WAIT);
            // kamailio is 127.0.0.1; a stranger on 127.0.0.2 is refused, the server's address is not.
            String stranger = RawSip.request("127.0.0.2", account.localPort(), "OPTIONS", WAIT);
            assertTrue(stranger.startsWith("SIP/2.0 403"), stranger);
            String server = RawSip.request("127.0.0.1", account.localPort(), "OPTIONS", WAIT);
            assertTrue(server.startsWith("SIP/2.0 200"), server);
        }
    }

    /** nat.udp_update_time: CRLF keep-alives to the server between registrations (RFC 5626 §4.4.1). */
    @Test
    void sendsCrlfKeepAlivesToTheServer() throws Exception {
        try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(5000);
            RecordingEventSink events = new RecordingEventSink();
            SipAccount account = SipTestAccounts.registeredAt(kamailio, "1001", "secret")
                    .server1(SipAccount.SipServer.udp("127.0.0.1", server.getLocalPort())).keepAliveSeconds(1).build();
            try (JainSipSignalling ua = JainSipSignalling.start(account, events)) {
                boolean sawRegister = false;
                boolean sawKeepAlive = false;
                while (!(sawRegister && sawKeepAlive)) {
                    DatagramPacket p = new DatagramPacket(new byte[4096], 4096);
                    server.receive(p); // bounded by the socket timeout
                    String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII);
                    sawRegister |= text.startsWith("REGISTER ");
                    sawKeepAlive |= text.equals("\r\n\r\n");
                }
            }
        }
    }

    private static long tcpRegisters(Kamailio k) {
        return k.flow().stream().filter(l -> l.startsWith("REQ REGISTER") && l.endsWith("proto=tcp")).count();
    }

    private static long registerCount(Kamailio k) {
        return k.flow().stream().filter(l -> l.startsWith("REQ REGISTER")).count();
    }

    private static List<String> registers(SipAccount ours) {
        return kamailio.flow().stream()
                .filter(l -> l.startsWith("REQ REGISTER") && l.contains("src=127.0.0.1:" + ours.localPort() + " ")).toList();
    }
}
