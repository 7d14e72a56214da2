package sipdesk.core;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sipdesk.core.Command.*;
import sipdesk.core.PhoneEvent.*;
import sipdesk.core.PhoneState.*;
import sipdesk.testing.PhoneHarness;

/** Hold, call waiting, transfer and conference. */
class MultiCallTest {
    private final CallId a = new CallId("out-1");
    private final CallId b = new CallId("in-1");
    private final IncomingCall fromB = new IncomingCall(b, new Party("sip:1005@pbx", "Bob"), Optional.empty(), false);

    private PhoneHarness inCallWithA(CallSettings settings) {
        var h = new PhoneHarness(settings);
        h.offHook().type("1002#");
        h.send(new Answered(a));
        h.takeSip();
        return h;
    }

    private PhoneHarness inCallWithA() {
        return inCallWithA(CallSettings.DEFAULTS);
    }

    @Test
    void holdAndResume() {
        var h = inCallWithA();
        h.press(Key.HOLD);
        assertEquals(List.of(new Hold(a)), h.takeSip());
        assertInstanceOf(Holding.class, h.state());
        assertTrue(h.screenText().contains("On hold"));
        h.press(Key.HOLD);
        assertEquals(List.of(new Resume(a)), h.takeSip());
        assertInstanceOf(Connected.class, h.state());
    }

    @Test
    void remoteHoldIsShown() {
        var h = inCallWithA();
        h.send(new RemoteHold(a));
        assertTrue(h.screenText().contains("Held by peer"), h.screenText());
        h.send(new RemoteResume(a));
        assertTrue(h.screenText().contains("Connected"));
    }

    @Test
    void aHeldCallSurvivesTheHandsetGoingDown() {
        var h = inCallWithA();
        h.press(Key.HOLD).onHook();
        assertEquals(List.of(new Hold(a)), h.takeSip());
        assertInstanceOf(Holding.class, h.state());
        h.offHook().press(Key.HOLD);
        assertEquals(List.of(new Resume(a)), h.takeSip());
    }

    @Test
    void callWaitingBeepsAndOkHoldsTheFirstAndAnswersTheSecond() {
        var h = inCallWithA();
        h.send(fromB);
        assertEquals(List.of(new SendRinging(b)), h.takeSip());
        assertEquals(Optional.of(Tone.CALL_WAITING), h.tone());
        assertFalse(h.ringing());
        h.press(Key.OK);
        assertEquals(List.of(new Hold(a), new Answer(b)), h.takeSip());
        var two = assertInstanceOf(TwoCalls.class, h.state());
        assertEquals(b, two.active().id());
        assertEquals(a, two.held().id());
    }

    @Test
    void holdSwapsBetweenTwoCalls() {
        var h = inCallWithA();
        h.send(fromB);
        h.press(Key.OK);
        h.takeSip();
        h.press(Key.HOLD);
        assertEquals(List.of(new Hold(b), new Resume(a)), h.takeSip());
        assertEquals(a, ((TwoCalls) h.state()).active().id());
    }

    @Test
    void callWaitingOffRejectsWith486() {
        var h = inCallWithA(CallSettings.DEFAULTS.toBuilder().callWaiting(false).build());
        h.send(fromB);
        assertEquals(List.of(new Reject(b, 486)), h.takeSip());
        assertInstanceOf(Connected.class, h.state());
    }

    @Test
    void busyForwardRedirectsInsteadOf486() {
        var h = new PhoneHarness(CallSettings.DEFAULTS.toBuilder().callWaiting(false).build(),
                SavedState.EMPTY.withSettings(UserSettings.DEFAULT.withBusy(Forward.to("1009"))));
        h.offHook().type("1002#");
        h.send(new Answered(a));
        h.takeSip();
        h.send(fromB);
        assertEquals(List.of(new Redirect(b, "1009")), h.takeSip());
    }

    @Test
    void rejectingTheWaitingCallKeepsTheFirst() {
        var h = inCallWithA();
        h.send(fromB);
        h.takeSip();
        h.press(Key.CANCEL);
        assertEquals(List.of(new Reject(b, 486)), h.takeSip());
        assertInstanceOf(Connected.class, h.state());
        assertEquals(Optional.empty(), h.tone());
    }

    @Test
    void hangingUpWithACallWaitingMakesItRing() {
        var h = inCallWithA();
        h.send(fromB);
        h.takeSip();
        h.onHook();
        assertEquals(List.of(new Hangup(a)), h.takeSip());
        assertTrue(h.ringing());
        h.offHook();
        assertEquals(List.of(new Answer(b)), h.takeSip());
    }

    @Test
    void blindTransferSendsReferThenHangsUpOnSuccess() {
        var h = inCallWithA();
        h.press(Key.TRANSFER);
        assertEquals(List.of(new Hold(a)), h.takeSip());
        assertEquals(Optional.of(Tone.DIAL), h.tone());
        h.type("1007").press(Key.TRANSFER);
        assertEquals(List.of(new BlindTransfer(a, "1007")), h.takeSip());
        assertInstanceOf(Transferring.class, h.state());
        h.send(new TransferResult(a, true, 200));
        assertEquals(List.of(new Hangup(a)), h.takeSip());
        assertTrue(h.screenText().contains("Transferred"));
    }

    @Test
    void failedTransferKeepsTheCallOnHold() {
        var h = inCallWithA();
        h.press(Key.TRANSFER).type("1007").press(Key.TRANSFER);
        h.takeSip();
        h.send(new TransferResult(a, false, 403));
        assertInstanceOf(Holding.class, h.state());
        assertEquals(List.of(), h.takeSip());
    }

    @Test
    void attendedTransferAfterTalkingToTheTarget() {
        var h = inCallWithA();
        h.press(Key.TRANSFER).type("1007").press(Key.OK);
        CallId c = new CallId("out-2");
        assertEquals(List.of(new Hold(a), new Dial(c, "1007")), h.takeSip());
        h.send(new Answered(c));
        assertTrue(assertInstanceOf(TwoCalls.class, h.state()).consultation());
        h.press(Key.TRANSFER);
        assertEquals(List.of(new AttendedTransfer(a, c)), h.takeSip());
        h.send(new TransferResult(a, true, 200));
        assertEquals(List.of(new Hangup(a), new Hangup(c)), h.takeSip());
    }

    @Test
    void hangingUpWhileTheTargetRingsIsASemiAttendedTransfer() {
        var h = inCallWithA();
        h.press(Key.TRANSFER).type("1007#");
        CallId c = new CallId("out-2");
        h.send(new PhoneEvent.Ringing(c));
        h.takeSip();
        h.onHook();
        assertEquals(List.of(new AttendedTransfer(a, c)), h.takeSip());
    }

    @Test
    void cancellingTheTransferResumesTheCall() {
        var h = inCallWithA();
        h.press(Key.TRANSFER).press(Key.CANCEL);
        assertEquals(List.of(new Hold(a), new Resume(a)), h.takeSip());
        assertInstanceOf(Connected.class, h.state());
    }

    @Test
    void asTransfereeThePhoneCallsTheReferTarget() {
        var h = inCallWithA();
        h.send(new TransferRequested(a, "sip:1008@pbx"));
        assertEquals(List.of(new TransferCall(a, new CallId("out-2"), "sip:1008@pbx")), h.takeSip());
        assertInstanceOf(Calling.class, h.state());
    }

    @Test
    void conferenceMixesBothCalls() {
        var h = inCallWithA();
        h.send(fromB);
        h.press(Key.OK);
        h.takeSip();
        var commands = h.press(Key.CONFERENCE).commands();
        assertEquals(List.of(new Resume(a)), h.takeSip());
        assertEquals(new ConnectMedia(List.of(b, a)), commands.get(indexOfConnect(commands)));
        assertInstanceOf(Conference.class, h.state());
        h.send(new RemoteHangup(b));
        assertInstanceOf(Connected.class, h.state());
    }

    private static int indexOfConnect(List<Command> commands) {
        for (int i = commands.size() - 1; i >= 0; i--) if (commands.get(i) instanceof ConnectMedia) return i;
        throw new AssertionError("no ConnectMedia in " + commands);
    }

    @Test
    void hookFlashAnswersTheWaitingCall() {
        var h = inCallWithA();
        h.send(fromB);
        h.takeSip();
        h.send(new HookFlash());
        assertEquals(List.of(new Hold(a), new Answer(b)), h.takeSip());
    }
}
