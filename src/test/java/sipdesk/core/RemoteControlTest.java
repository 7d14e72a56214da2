package sipdesk.core;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sipdesk.core.Command.*;
import sipdesk.core.PhoneEvent.*;
import sipdesk.core.PhoneState.*;
import sipdesk.testing.PhoneHarness;

/** What the control socket (the sipdesk CLI) can make the phone do, and reloads. */
class RemoteControlTest {
    private final CallId out = new CallId("out-1");
    private final CallId in = new CallId("in-1");

    @Test
    void dialFromIdleCallsHandsFree() {
        var h = new PhoneHarness();
        h.takeSip();
        h.send(new ControlDial("1002"));
        assertEquals(List.of(new Dial(out, "1002")), h.takeSip());
        assertTrue(h.phone.engaged());
    }

    @Test
    void dialDuringACallIsRefused() {
        var h = new PhoneHarness();
        h.send(new ControlDial("1002"));
        h.send(new Answered(out));
        h.takeSip();
        h.send(new ControlDial("1003"));
        assertEquals(List.of(), h.takeSip());
        assertEquals(1, h.refusals().size());
    }

    @Test
    void answerAndHangupAnIncomingCall() {
        var h = new PhoneHarness();
        h.send(new IncomingCall(in, Party.of("sip:1001@pbx"), Optional.empty(), false));
        h.takeSip();
        h.send(new ControlAnswer());
        assertEquals(List.of(new Answer(in)), h.takeSip());
        h.send(new ControlHangup());
        assertEquals(List.of(new Hangup(in)), h.takeSip());
        assertInstanceOf(Idle.class, h.state());
        assertFalse(h.phone.engaged());
    }

    @Test
    void hangupRejectsARingingCall() {
        var h = new PhoneHarness();
        h.send(new IncomingCall(in, Party.of("sip:1001@pbx"), Optional.empty(), false));
        h.takeSip();
        h.send(new ControlHangup());
        assertEquals(List.of(new Reject(in, 486)), h.takeSip());
    }

    @Test
    void hangupEndsAHeldCallToo() {
        var h = new PhoneHarness();
        h.send(new ControlDial("1002"));
        h.send(new Answered(out));
        h.press(Key.HOLD);
        h.takeSip();
        h.send(new ControlHangup());
        assertEquals(List.of(new Hangup(out)), h.takeSip());
        assertInstanceOf(Idle.class, h.state());
    }

    @Test
    void dndAndForwardsAreSetAndSaved() {
        var h = new PhoneHarness();
        h.send(new ControlSetDnd(true));
        h.send(new ControlSetForward(ForwardKind.NO_ANSWER, Forward.to("1009")));
        var saved = h.lastSaved().orElseThrow().settings();
        assertTrue(saved.dnd());
        assertEquals(Forward.to("1009"), saved.noAnswer());
    }

    @Test
    void aReloadKeepsTheCallInProgress() {
        var h = new PhoneHarness();
        h.send(new ControlDial("1002"));
        h.send(new Answered(out));
        h.takeSip();
        h.send(new Reconfigured(CallSettings.DEFAULTS.toBuilder().label("Reception").lcd(20, 4).build()));
        assertInstanceOf(Connected.class, h.state());
        assertEquals(List.of(), h.takeSip());
        assertEquals(4, h.screen().lines().size());
        h.send(new ControlHangup());
        assertTrue(h.screenText().contains("Reception"), h.screenText());
    }

    @Test
    void reloadedTimersApplyToTheNextCall() {
        var h = new PhoneHarness();
        h.send(new Reconfigured(CallSettings.DEFAULTS.toBuilder().interDigitTimeout(Duration.ofSeconds(2)).build()));
        h.takeSip();
        h.offHook().type("12");
        h.advance(Duration.ofSeconds(2));
        assertEquals(List.of(new Dial(out, "12")), h.takeSip());
    }
}
