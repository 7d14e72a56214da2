package sipdesk.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.core.CallId;
import sipdesk.core.Command.Answer;
import sipdesk.core.Command.AttendedTransfer;
import sipdesk.core.Command.Dial;
import sipdesk.core.Command.Hangup;
import sipdesk.core.Command.Hold;
import sipdesk.core.Command.Resume;
import sipdesk.core.Command.SendDtmf;
import sipdesk.core.PhoneEvent.Answered;
import sipdesk.core.PhoneEvent.DtmfReceived;
import sipdesk.core.PhoneEvent.IncomingCall;
import sipdesk.core.PhoneEvent.RemoteHold;
import sipdesk.core.PhoneEvent.RemoteResume;
import sipdesk.core.PhoneEvent.RegistrationChanged;
import sipdesk.core.PhoneEvent.RemoteHangup;
import sipdesk.core.PhoneEvent.TransferRequested;
import sipdesk.core.PhoneEvent.TransferResult;
import sipdesk.core.RegistrationState;
import sipdesk.testing.RecordingEventSink;
import sipdesk.testing.peers.Kamailio;

/** Three of our phones (1001 A, 1002 B, 1003 C) registered at kamailio, calling each other. */
class PhoneToPhoneTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path dir;
    static Kamailio kamailio;
    static Phone a;
    static Phone b;
    static Phone c;

    record Phone(JainSipSignalling ua, RecordingEventSink events) {
        static Phone start(String user) throws Exception {
            RecordingEventSink events = new RecordingEventSink();
            JainSipSignalling ua = JainSipSignalling.start(SipTestAccounts.registeredAt(kamailio, user, "pw" + user).build(), events);
            events.await(RegistrationChanged.class, e -> e.state() instanceof RegistrationState.Registered, WAIT);
            return new Phone(ua, events);
        }

        <T extends sipdesk.core.PhoneEvent> T await(Class<T> type) {
            return events.await(type, WAIT);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        kamailio = Kamailio.builder().user("1001", "pw1001").user("1002", "pw1002").user("1003", "pw1003").start(dir);
        a = Phone.start("1001");
        b = Phone.start("1002");
        c = Phone.start("1003");
    }

    @AfterAll
    static void stop() {
        for (Phone p : new Phone[] {a, b, c}) if (p != null) p.ua().close();
        if (kamailio != null) kamailio.close();
    }

    /**
     * YEALINK.md flow 7 end to end: A talks to B and to C, transfers B to C with REFER + Replaces;
     * B calls C with Replaces; C takes the call over and ends its call with A; B's NOTIFY tells A.
     */
    @Test
    void transferWithConsultationHandsBOverToC() {
        CallId ab = new CallId("a-b");
        a.ua().execute(new Dial(ab, "1002"));
        IncomingCall atB = b.await(IncomingCall.class);
        b.ua().execute(new Answer(atB.call()));
        a.events().await(Answered.class, e -> e.call().equals(ab), WAIT);

        CallId ac = new CallId("a-c");
        a.ua().execute(new Dial(ac, "1003"));
        IncomingCall atC = c.await(IncomingCall.class);
        c.ua().execute(new Answer(atC.call()));
        a.events().await(Answered.class, e -> e.call().equals(ac), WAIT);

        a.ua().execute(new AttendedTransfer(ab, ac));
        TransferRequested asked = b.await(TransferRequested.class);
        assertEquals(atB.call(), asked.call());
        assertTrue(asked.target().startsWith("sip:1003@sipdesk.test?Replaces="), asked.target());

        CallId bc = new CallId("b-c");
        b.ua().execute(new Dial(bc, asked.target()));
        IncomingCall replacing = c.await(IncomingCall.class);
        assertTrue(replacing.autoAnswer(), "a replacing INVITE is answered without ringing");
        c.ua().execute(new Answer(replacing.call()));
        b.events().await(Answered.class, e -> e.call().equals(bc), WAIT);
        // C ended its call with A; A learns the transfer worked and hangs up on B, as a Yealink does.
        c.events().await(RemoteHangup.class, e -> e.call().equals(atC.call()), WAIT);
        a.events().await(RemoteHangup.class, e -> e.call().equals(ac), WAIT);
        assertEquals(new TransferResult(ab, true, 200), a.events().await(TransferResult.class, WAIT));
        a.ua().execute(new Hangup(ab));
        b.events().await(RemoteHangup.class, e -> e.call().equals(atB.call()), WAIT);
        b.ua().execute(new Hangup(bc));
        c.events().await(RemoteHangup.class, e -> e.call().equals(replacing.call()), WAIT);
    }

    /** DTMF as SIP INFO (dtmf-relay) both ways, and hold seen by the other phone. */
    @Test
    void dtmfAndHoldReachTheOtherPhone() {
        CallId ab = new CallId("a-b-dtmf");
        a.ua().execute(new Dial(ab, "1002"));
        IncomingCall atB = b.events().await(IncomingCall.class, e -> e.caller().number().equals("1001"), WAIT);
        b.ua().execute(new Answer(atB.call()));
        a.events().await(Answered.class, e -> e.call().equals(ab), WAIT);

        a.ua().execute(new SendDtmf(ab, '5'));
        assertEquals(new DtmfReceived(atB.call(), '5'), b.events().await(DtmfReceived.class, WAIT));
        b.ua().execute(new SendDtmf(atB.call(), '#'));
        assertEquals(new DtmfReceived(ab, '#'), a.events().await(DtmfReceived.class, WAIT));

        a.ua().execute(new Hold(ab));
        assertEquals(new RemoteHold(atB.call()), b.events().await(RemoteHold.class, WAIT));
        a.ua().execute(new Resume(ab));
        assertEquals(new RemoteResume(atB.call()), b.events().await(RemoteResume.class, WAIT));
        b.ua().execute(new Hangup(atB.call()));
        a.events().await(RemoteHangup.class, e -> e.call().equals(ab), WAIT);
    }
}
