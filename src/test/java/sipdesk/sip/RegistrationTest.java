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
import sipdesk.core.PhoneEvent.RegistrationChanged;
import sipdesk.core.RegistrationState;
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
            try (JainSipSignalling ua = JainSipSignalling.start(account, events)) {
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
                // Refreshing reuses the nonce or is challenged again; either way no Failed event.
                Thread.sleep(300);
                assertTrue(events.pending().stream().noneMatch(e -> e instanceof RegistrationChanged r
                        && r.state() instanceof RegistrationState.Failed), events.pending().toString());
            }
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

    private static long registerCount(Kamailio k) {
        return k.flow().stream().filter(l -> l.startsWith("REQ REGISTER")).count();
    }

    private static List<String> registers(SipAccount ours) {
        return kamailio.flow().stream()
                .filter(l -> l.startsWith("REQ REGISTER") && l.contains("src=127.0.0.1:" + ours.localPort() + " ")).toList();
    }
}
