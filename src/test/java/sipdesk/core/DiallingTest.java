package sipdesk.core;

import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sipdesk.core.Command.Dial;
import sipdesk.core.PhoneState.*;
import sipdesk.testing.PhoneHarness;

class DiallingTest {

    @Test
    void startingDrawsTheIdleScreenAndRegisters() {
        var h = new PhoneHarness();
        assertEquals(List.of(new Command.Register()), h.takeSip());
        assertInstanceOf(Idle.class, h.state());
        assertTrue(h.screenText().startsWith("sipdesk"), h.screenText());
    }

    @Test
    void offHookPlaysDialToneAndShowsDial() {
        var h = new PhoneHarness().offHook();
        assertEquals(Optional.of(Tone.DIAL), h.tone());
        assertInstanceOf(DialTone.class, h.state());
        assertTrue(h.screenText().startsWith("Dial:"), h.screenText());
    }

    @Test
    void messageWaitingGivesStutterDialTone() {
        var h = new PhoneHarness();
        h.send(new PhoneEvent.MessageWaiting(2, 0));
        h.offHook();
        assertEquals(Optional.of(Tone.STUTTER_DIAL), h.tone());
    }

    @Test
    void firstDigitStopsDialToneAndDigitsShow() {
        var h = new PhoneHarness().offHook().type("10");
        assertEquals(Optional.empty(), h.tone());
        assertEquals(new Dialling("10", false), h.state());
        assertTrue(h.screenText().contains("10"));
    }

    @Test
    void offHookThenDigitsThenHashDialsTheNumber() {
        var h = new PhoneHarness();
        h.takeSip();
        h.offHook().type("1002#");
        assertEquals(List.of(new Dial(new CallId("out-1"), "1002")), h.takeSip());
        assertInstanceOf(Calling.class, h.state());
        assertEquals("1002", h.phone.saved().lastDialled());
    }

    @Test
    void interDigitTimeoutOfFourSecondsDials() {
        var h = new PhoneHarness();
        h.takeSip();
        h.offHook().type("1002");
        h.advance(ofSeconds(3));
        assertEquals(List.of(), h.takeSip());
        h.type("3");
        h.advance(ofSeconds(3));
        assertEquals(List.of(), h.takeSip(), "each digit restarts the timer");
        h.advance(ofSeconds(1));
        assertEquals(List.of(new Dial(new CallId("out-1"), "10023")), h.takeSip());
    }

    @Test
    void aCompleteDigitMapMatchDialsAtOnce() {
        var settings = CallSettings.DEFAULTS.toBuilder().digitMap(Optional.of("1xxx|9x.T")).build();
        var h = new PhoneHarness(settings);
        h.takeSip();
        h.offHook().type("100");
        assertEquals(List.of(), h.takeSip());
        h.type("2");
        assertEquals(List.of(new Dial(new CallId("out-1"), "1002")), h.takeSip());
    }

    @Test
    void cancelDeletesTheLastDigitThenReturnsToDialTone() {
        var h = new PhoneHarness().offHook().type("12");
        h.press(Key.CANCEL);
        assertEquals(new Dialling("1", false), h.state());
        h.press(Key.CANCEL);
        assertInstanceOf(DialTone.class, h.state());
        assertEquals(Optional.of(Tone.DIAL), h.tone());
    }

    @Test
    void onHookWhileDiallingGoesIdleAndStopsTimers() {
        var h = new PhoneHarness().offHook().type("12").onHook();
        assertInstanceOf(Idle.class, h.state());
        assertFalse(h.timerRunning(TimerId.Kind.INTER_DIGIT));
        h.advance(ofSeconds(10));
        assertEquals(List.of(new Command.Register()), h.takeSip(), "nothing was dialled");
    }

    @Test
    void preDialOnHookThenLiftingTheHandsetDials() {
        var h = new PhoneHarness();
        h.takeSip();
        h.type("1003");
        assertEquals(new Dialling("1003", true), h.state());
        h.advance(ofSeconds(30));
        assertEquals(List.of(), h.takeSip(), "pre-dial waits for the user");
        h.offHook();
        assertEquals(List.of(new Dial(new CallId("out-1"), "1003")), h.takeSip());
    }

    @Test
    void preDialThenOkDialsHandsFree() {
        var h = new PhoneHarness();
        h.takeSip();
        h.type("1003").press(Key.OK);
        assertEquals(List.of(new Dial(new CallId("out-1"), "1003")), h.takeSip());
        assertTrue(h.phone.engaged());
    }

    @Test
    void hotlineDialsOnOffHook() {
        var h = new PhoneHarness(CallSettings.DEFAULTS.toBuilder().hotline(Optional.of("100")).build());
        h.takeSip();
        h.offHook();
        assertEquals(List.of(new Dial(new CallId("out-1"), "100")), h.takeSip());
    }

    @Test
    void redialCallsTheLastNumberAgain() {
        var h = new PhoneHarness();
        h.offHook().type("1002#").onHook();
        h.takeSip();
        h.press(Key.REDIAL);
        assertEquals(List.of(new Dial(new CallId("out-2"), "1002")), h.takeSip());
    }

    @Test
    void redialWithNothingDialledIsRefused() {
        var h = new PhoneHarness();
        h.press(Key.REDIAL);
        assertEquals(1, h.refusals().size());
        assertInstanceOf(Idle.class, h.state());
    }

    @Test
    void offHookTooLongWithoutDiallingPlaysCongestion() {
        var h = new PhoneHarness().offHook();
        h.advance(ofSeconds(30));
        assertEquals(Optional.of(Tone.CONGESTION), h.tone());
        assertInstanceOf(Ended.class, h.state());
        h.onHook();
        assertInstanceOf(Idle.class, h.state());
        assertEquals(Optional.empty(), h.tone());
    }

    @Test
    void unexpectedKeysAreRefusedNotDropped() {
        var h = new PhoneHarness();
        h.press(Key.HOLD);
        h.send(new PhoneEvent.HookOn());
        assertEquals(2, h.refusals().size());
        assertEquals("Idle", h.refusals().get(0).state());
    }

    @Test
    void aLongPoundAfterItsPressTogglesDndWithoutLeavingAHashTyped() {
        var h = new PhoneHarness();
        h.type("#");
        h.send(new PhoneEvent.KeyLongPress(Key.POUND));
        assertTrue(h.phone.saved().settings().dnd());
        assertInstanceOf(Idle.class, h.state());
        h.offHook().type("#");
        h.send(new PhoneEvent.KeyLongPress(Key.POUND));
        assertInstanceOf(DialTone.class, h.state());
        assertEquals(Optional.of(Tone.DIAL), h.tone());
    }

    @Test
    void aLongPoundTogglesDnd() {
        var h = new PhoneHarness();
        h.send(new PhoneEvent.KeyLongPress(Key.POUND));
        assertTrue(h.phone.saved().settings().dnd());
        assertTrue(h.lastSaved().orElseThrow().settings().dnd());
    }
}
