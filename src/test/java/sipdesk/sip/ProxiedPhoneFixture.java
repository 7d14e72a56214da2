package sipdesk.sip;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.core.CallId;
import sipdesk.testing.RecordingEventSink;
import sipdesk.testing.peers.PortReservation;
import sipdesk.testing.peers.Kamailio;
import sipdesk.testing.peers.Sipp;

/**
 * The shared set-up of the call-flow tests, one per test class: a real kamailio (registrar +
 * record-routing proxy with digest auth) and our UA registered there as 1001. kamailio routes
 * 2002 (B: 302), 3003 (C: answers), 2486 (busy), 2100 (rings until cancelled), 3100 (takes
 * re-INVITEs), 3200 (accepts a REFER) and 2183 (early media, then busy) to sipp UASes on fixed
 * ports. Events are recorded; tests await those of their own CallIds.
 */
abstract class ProxiedPhoneFixture {
    static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path dir;
    static Kamailio kamailio;
    static JainSipSignalling ua;
    static SipAccount account;
    static RecordingEventSink events;
    static final PortReservation portB = PortReservation.take();
    static final PortReservation portC = PortReservation.take();
    static final PortReservation portBusy = PortReservation.take();
    static final PortReservation portRing = PortReservation.take();
    static final PortReservation portHold = PortReservation.take();
    static final PortReservation portTransferee = PortReservation.take();
    static final PortReservation portEarly = PortReservation.take();

    @BeforeAll
    static void startProxyAndPhone() throws Exception {
        kamailio = Kamailio.builder().user("1001", "secret")
                .route("2002", portB.port).route("3003", portC.port).route("2486", portBusy.port)
                .route("2100", portRing.port).route("3100", portHold.port)
                .route("3200", portTransferee.port).route("2183", portEarly.port)
                .start(dir);
        events = new RecordingEventSink();
        account = SipTestAccounts.registeredAt(kamailio, "1001", "secret").build();
        ua = SipTestAccounts.startRegistered(account, events);
    }

    @AfterAll
    static void stop() {
        if (ua != null) ua.close();
        if (kamailio != null) kamailio.close();
    }

    static <T extends sipdesk.core.PhoneEvent> T await(Class<T> type, CallId call, java.util.function.Function<T, CallId> id) {
        return events.await(type, e -> id.apply(e).equals(call), WAIT);
    }

    static void awaitCount(Sipp peer, String text, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (peer.messages().split(java.util.regex.Pattern.quote(text), -1).length - 1 < count) {
            if (System.nanoTime() > deadline) throw new AssertionError(count + "x " + text + " not seen:\n" + peer.output());
            Thread.sleep(20);
        }
    }

    /** Runs an await; on failure adds what the peer and the proxy saw. */
    static <T> T explained(Sipp peer, java.util.function.Supplier<T> await) {
        try {
            return await.get();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n--- sipp ---\n" + peer.output() + "\n--- kamailio ---\n"
                    + String.join("\n", kamailio.flow()), e);
        }
    }
}
