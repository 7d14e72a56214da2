package sipdesk.core;

import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sipdesk.core.Command.*;
import sipdesk.core.PhoneEvent.*;
import sipdesk.core.PhoneState.*;
import sipdesk.testing.PhoneHarness;

class OutgoingCallTest {
    private final CallId call = new CallId("out-1");

    private PhoneHarness calling() {
        var h = new PhoneHarness();
        h.offHook().type("1002#");
        h.takeSip();
        return h;
    }

    @Test
    void ringingPlaysRingbackAndAnswerConnectsMedia() {
        var h = calling();
        h.send(new Trying(call));
        assertTrue(h.screenText().contains("Calling"));
        h.send(new PhoneEvent.Ringing(call));
        assertEquals(Optional.of(Tone.RINGBACK), h.tone());
        assertTrue(h.screenText().contains("Ringing"));
        var commands = h.send(new Answered(call));
        assertEquals(Optional.empty(), h.tone());
        assertTrue(commands.contains(new ConnectMedia(List.of(call))));
        assertInstanceOf(Connected.class, h.state());
        assertTrue(h.screenText().contains("Connected"));
    }

    @Test
    void earlyMediaStopsLocalRingbackAndConnectsMedia() {
        var h = calling();
        h.send(new PhoneEvent.Ringing(call));
        var commands = h.send(new EarlyMedia(call));
        assertEquals(Optional.empty(), h.tone());
        assertTrue(commands.contains(new ConnectMedia(List.of(call))));
        h.type("1");
        assertTrue(h.takeSip().contains(new SendDtmf(call, '1')), "DTMF reaches an IVR in early media");
    }

    @Test
    void busyHerePlaysBusyToneAndShowsBusy() {
        var h = calling();
        h.send(new CallFailed(call, 486, "Busy Here"));
        assertEquals(Optional.of(Tone.BUSY), h.tone());
        assertTrue(h.screenText().contains("Busy"));
        h.onHook();
        assertInstanceOf(Idle.class, h.state());
        assertEquals(Optional.empty(), h.tone());
    }

    @Test
    void otherFailuresPlayCongestionAndShowTheReason() {
        var h = calling();
        h.send(new CallFailed(call, 503, "Service Unavailable"));
        assertEquals(Optional.of(Tone.CONGESTION), h.tone());
        assertTrue(h.screenText().contains("503 Service Unav"), h.screenText());
    }

    @Test
    void hangingUpBeforeAnswerCancels() {
        var h = calling();
        h.send(new PhoneEvent.Ringing(call));
        h.onHook();
        assertEquals(List.of(new CancelCall(call)), h.takeSip());
        assertEquals(Optional.empty(), h.tone());
        assertInstanceOf(Idle.class, h.state());
        assertEquals(HistoryEntry.Direction.OUTGOING, h.phone.saved().history().get(0).direction());
    }

    @Test
    void hangingUpAConnectedCallSendsByeAndLogsTheTalkTime() {
        var h = calling();
        h.send(new Answered(call));
        h.advance(ofSeconds(65));
        h.onHook();
        assertEquals(List.of(new Hangup(call)), h.takeSip());
        var entry = h.phone.saved().history().get(0);
        assertEquals(ofSeconds(65), entry.talked());
        assertEquals("1002", entry.peer().number());
    }

    @Test
    void remoteHangupShowsCallEndedAndPlaysBusyToneForTheConfiguredDelay() {
        var h = new PhoneHarness(CallSettings.DEFAULTS.toBuilder().busyToneDelay(ofSeconds(3)).build());
        h.offHook().type("1002#");
        h.send(new Answered(call));
        h.send(new RemoteHangup(call));
        assertTrue(h.screenText().contains("Call ended"));
        assertEquals(Optional.of(Tone.BUSY), h.tone());
        h.advance(ofSeconds(3));
        assertEquals(Optional.empty(), h.tone());
        assertInstanceOf(Ended.class, h.state());
    }

    @Test
    void aConnectedCallThatGoesSilentIsHungUpAndEndsAsIfThePeerHad() {
        var h = calling();
        h.send(new Answered(call));
        h.takeSip();
        h.send(new MediaTimeout(call));
        assertEquals(List.of(new Hangup(call)), h.takeSip());
        assertInstanceOf(Ended.class, h.state());
        assertTrue(h.screenText().contains("Call ended"));
        assertEquals("1002", h.phone.saved().history().get(0).peer().number());
    }

    @Test
    void aMediaTimeoutWhileStillCallingOrForAnotherCallIsRefused() {
        var h = calling();
        var commands = h.send(new MediaTimeout(call));
        assertEquals(List.of(), h.takeSip());
        assertTrue(commands.stream().anyMatch(c -> c instanceof Refused), commands.toString());
        assertInstanceOf(Calling.class, h.state());
        h.send(new Answered(call));
        h.send(new MediaTimeout(new CallId("someone-else")));
        assertEquals(List.of(), h.takeSip());
        assertInstanceOf(Connected.class, h.state());
    }

    @Test
    void handsFreeCallEndsBackToIdleAfterTheEndedScreen() {
        var h = new PhoneHarness();
        h.type("1002").press(Key.OK);
        h.send(new Answered(call));
        h.send(new RemoteHangup(call));
        assertInstanceOf(Ended.class, h.state());
        h.advance(ofSeconds(3));
        assertInstanceOf(Idle.class, h.state());
        assertFalse(h.phone.engaged());
    }

    @Test
    void dtmfKeysDuringACallAreSent() {
        var h = calling();
        h.send(new Answered(call));
        h.type("5*");
        assertEquals(List.of(new SendDtmf(call, '5'), new SendDtmf(call, '*')), h.takeSip());
    }

    @Test
    void speakerKeyLetsTheHandsetGoDownWithoutHangingUp() {
        var h = calling();
        h.send(new Answered(call));
        h.press(Key.SPEAKER).onHook();
        assertInstanceOf(Connected.class, h.state());
        assertEquals(List.of(), h.takeSip());
        h.press(Key.SPEAKER);
        assertEquals(List.of(new Hangup(call)), h.takeSip());
    }

    @Test
    void eventsForAnotherCallAreRefused() {
        var h = calling();
        h.send(new Answered(new CallId("out-9")));
        assertInstanceOf(Calling.class, h.state());
        assertEquals(1, h.refusals().size());
    }
}
