package sipdesk.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.core.CallId;
import sipdesk.core.Command.Answer;
import sipdesk.core.Command.Dial;
import sipdesk.core.Command.Hangup;
import sipdesk.core.PhoneEvent.Answered;
import sipdesk.core.PhoneEvent.IncomingCall;
import sipdesk.core.PhoneEvent.RegistrationChanged;
import sipdesk.core.RegistrationState;
import sipdesk.testing.RecordingEventSink;
import sipdesk.testing.peers.Baresip;
import sipdesk.testing.peers.Kamailio;

/** Calls both ways with baresip, another real phone, both registered at kamailio. */
class BaresipInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path dir;
    static Kamailio kamailio;
    static JainSipSignalling ua;
    static final RecordingEventSink events = new RecordingEventSink();

    @BeforeAll
    static void start() throws Exception {
        kamailio = Kamailio.builder().user("1001", "secret").user("1005", "secret5").start(dir);
        ua = JainSipSignalling.start(SipTestAccounts.registeredAt(kamailio, "1001", "secret").build(), events);
        events.await(RegistrationChanged.class, e -> e.state() instanceof RegistrationState.Registered, WAIT);
    }

    @AfterAll
    static void stop() {
        if (ua != null) ua.close();
        if (kamailio != null) kamailio.close();
    }

    private static String account(String extra) {
        return "<sip:1005@127.0.0.1:" + kamailio.port + ">;auth_pass=secret5;regint=600" + extra;
    }

    @Test
    void weCallBaresipWhichAnswersAndWeHangUp() throws Exception {
        try (Baresip phone = Baresip.start(dir, account(";answermode=auto"), List.of())) {
            kamailio.awaitFlow(WAIT, "REQ REGISTER", "src=127.0.0.1:" + phone.port);
            awaitRegistered(phone);
            CallId call = new CallId("out-baresip");
            ua.execute(new Dial(call, "1005"));
            events.await(Answered.class, e -> e.call().equals(call), WAIT);
            phone.awaitOutput("Call established", WAIT);
            ua.execute(new Hangup(call));
            phone.awaitOutput("session closed", WAIT);
        }
    }

    @Test
    void baresipCallsUsWeAnswerAndHangUp() throws Exception {
        try (Baresip caller = Baresip.start(dir, account(""), List.of("/dial sip:1001@127.0.0.1:" + kamailio.port))) {
            IncomingCall in = events.await(IncomingCall.class, WAIT);
            assertEquals("1005", in.caller().number());
            ua.execute(new Answer(in.call()));
            caller.awaitOutput("Call established", WAIT);
            ua.execute(new Hangup(in.call()));
            caller.awaitOutput("session closed", WAIT);
        }
    }

    private static void awaitRegistered(Baresip phone) {
        phone.awaitOutput("200 OK", WAIT);
    }
}
