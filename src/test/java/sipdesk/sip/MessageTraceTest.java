package sipdesk.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.core.PhoneEvent.RegistrationChanged;
import sipdesk.core.RegistrationState;
import sipdesk.testing.RecordingEventSink;
import sipdesk.testing.peers.Kamailio;

/** {@code sipdesk.sip.trace = 1}: every SIP message at INFO on sipdesk.sip.messages, credentials redacted. */
class MessageTraceTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PASSWORD = "Tr4ce-pw-never-logged";
    private static final Logger MESSAGES = Logger.getLogger("sipdesk.sip.messages");

    @TempDir
    static Path dir;
    static Kamailio kamailio;
    private final List<LogRecord> logged = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override public void publish(LogRecord r) { if (MESSAGES.isLoggable(r.getLevel())) logged.add(r); }
        @Override public void flush() {}
        @Override public void close() {}
    };
    private Level before;

    @BeforeAll
    static void startRegistrar() throws Exception {
        kamailio = Kamailio.builder().user("1001", PASSWORD).start(dir);
    }

    @AfterAll
    static void stopRegistrar() {
        if (kamailio != null) kamailio.close();
    }

    /** The logger as a default logging.properties leaves it: INFO and above. */
    @BeforeEach
    void captureInfo() {
        before = MESSAGES.getLevel();
        MESSAGES.setLevel(Level.INFO);
        capture.setLevel(Level.ALL);
        MESSAGES.addHandler(capture);
    }

    @AfterEach
    void release() {
        MESSAGES.removeHandler(capture);
        MESSAGES.setLevel(before);
    }

    @Test
    void traceOnLogsEveryMessageAtInfoWithCredentialsRedacted() throws Exception {
        registerAndClose(true);
        String all = text();
        assertTrue(logged.stream().allMatch(r -> r.getLevel() == Level.INFO), all);
        // Registering: REGISTER, 401, REGISTER with credentials, 200; closing: the same with Expires 0.
        assertTrue(count(all, "sent ") >= 4 && count(all, "received ") >= 4, all);
        assertTrue(all.contains("REGISTER sip:sipdesk.test SIP/2.0") && all.contains("SIP/2.0 401 Unauthorized")
                && all.contains("SIP/2.0 200 OK"), all);
        assertTrue(all.contains("Authorization: <redacted>"), all);
        assertFalse(all.contains("response=") || all.contains("cnonce=") || all.contains(PASSWORD), all);
    }

    @Test
    void traceOffLogsNothingAtInfo() throws Exception {
        registerAndClose(false);
        assertEquals("", text());
    }

    private void registerAndClose(boolean trace) throws Exception {
        RecordingEventSink events = new RecordingEventSink();
        SipAccount account = SipTestAccounts.registeredAt(kamailio, "1001", PASSWORD).traceMessages(trace).build();
        try (JainSipSignalling ua = JainSipSignalling.start(account, events)) {
            events.await(RegistrationChanged.class, e -> e.state() instanceof RegistrationState.Registered, WAIT);
        }
    }

    private String text() {
        synchronized (logged) {
            return String.join("\n", logged.stream().map(LogRecord::getMessage).toList());
        }
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
