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

class IncomingCallTest {
    private final CallId in = new CallId("in-1");
    private final IncomingCall alice = new IncomingCall(in, new Party("sip:1001@pbx", "Alice"), Optional.empty(), false);

    private static PhoneHarness phone(UserSettings user) {
        return phone(CallSettings.DEFAULTS, user);
    }

    private static PhoneHarness phone(CallSettings settings, UserSettings user) {
        var h = new PhoneHarness(settings, SavedState.EMPTY.withSettings(user));
        h.takeSip();
        return h;
    }

    @Test
    void anIncomingCallSends180RingsAndShowsTheCaller() {
        var h = phone(UserSettings.DEFAULT);
        h.send(alice);
        assertEquals(List.of(new SendRinging(in)), h.takeSip());
        assertTrue(h.ringing());
        assertTrue(h.screenText().contains("Alice"), h.screenText());
    }

    @Test
    void liftingTheHandsetAnswers() {
        var h = phone(UserSettings.DEFAULT);
        h.send(alice);
        h.takeSip();
        var commands = h.offHook().commands();
        assertEquals(List.of(new Answer(in)), h.takeSip());
        assertFalse(h.ringing());
        assertTrue(commands.contains(new ConnectMedia(List.of(in))));
        assertInstanceOf(Connected.class, h.state());
    }

    @Test
    void cancelKeyRejectsWith486() {
        var h = phone(UserSettings.DEFAULT);
        h.send(alice);
        h.takeSip();
        h.press(Key.CANCEL);
        assertEquals(List.of(new Reject(in, 486)), h.takeSip());
        assertFalse(h.ringing());
        assertInstanceOf(Idle.class, h.state());
    }

    @Test
    void dndRejectsWith480AndNoRinging() {
        var h = phone(UserSettings.DEFAULT.withDnd(true));
        h.send(alice);
        assertEquals(List.of(new Reject(in, 480)), h.takeSip());
        assertFalse(h.ringing());
        assertTrue(h.screenText().contains("DND"));
    }

    @Test
    void dndUsesTheConfiguredRefuseCode() {
        var h = phone(CallSettings.DEFAULTS.toBuilder().dndRefuseCode(603).build(), UserSettings.DEFAULT.withDnd(true));
        h.send(alice);
        assertEquals(List.of(new Reject(in, 603)), h.takeSip());
    }

    @Test
    void alwaysForwardRedirectsAtOnceWithout180() {
        var h = phone(UserSettings.DEFAULT.withAlways(Forward.to("1003")));
        h.send(alice);
        assertEquals(List.of(new Redirect(in, "1003")), h.takeSip());
        assertFalse(h.ringing());
        assertEquals(HistoryEntry.Direction.FORWARDED, h.phone.saved().history().get(0).direction());
    }

    @Test
    void noAnswerForwardRedirectsAfterTwoRingsOfSixSeconds() {
        var h = phone(UserSettings.DEFAULT.withNoAnswer(Forward.to("1004")));
        h.send(alice);
        assertEquals(List.of(new SendRinging(in)), h.takeSip());
        h.advance(ofSeconds(11));
        assertEquals(List.of(), h.takeSip());
        h.advance(ofSeconds(1));
        assertEquals(List.of(new Redirect(in, "1004")), h.takeSip());
        assertFalse(h.ringing());
        assertInstanceOf(Idle.class, h.state());
    }

    @Test
    void noAnswerForwardUsesTheConfiguredRingCount() {
        var h = phone(CallSettings.DEFAULTS.toBuilder().noAnswerForwardRings(5).build(),
                UserSettings.DEFAULT.withNoAnswer(Forward.to("1004")));
        h.send(alice);
        h.takeSip();
        h.advance(ofSeconds(29));
        assertEquals(List.of(), h.takeSip());
        h.advance(ofSeconds(1));
        assertEquals(List.of(new Redirect(in, "1004")), h.takeSip());
    }

    @Test
    void answeringInTimeCancelsTheNoAnswerForward() {
        var h = phone(UserSettings.DEFAULT.withNoAnswer(Forward.to("1004")));
        h.send(alice);
        h.offHook();
        h.takeSip();
        h.advance(ofSeconds(60));
        assertEquals(List.of(), h.takeSip());
    }

    @Test
    void callerCancellingIsAMissedCall() {
        var h = phone(UserSettings.DEFAULT);
        h.send(alice);
        h.send(new IncomingCancelled(in));
        assertFalse(h.ringing());
        assertEquals(1, h.phone.saved().missedCalls());
        assertEquals(HistoryEntry.Direction.MISSED, h.phone.saved().history().get(0).direction());
        assertTrue(h.screenText().contains("1 missed call"), h.screenText());
        assertEquals(1, h.lastSaved().orElseThrow().missedCalls());
    }

    @Test
    void autoAnswerAnswersHandsFreeAfterTheDelay() {
        var h = phone(CallSettings.DEFAULTS.toBuilder().autoAnswer(true).autoAnswerDelay(ofSeconds(2)).build(),
                UserSettings.DEFAULT);
        h.send(alice);
        h.takeSip();
        h.advance(ofSeconds(2));
        assertEquals(List.of(new Answer(in)), h.takeSip());
        assertTrue(h.phone.engaged());
    }

    @Test
    void intercomRequestIsAnsweredOnlyWhenAllowed() {
        var intercom = new IncomingCall(in, Party.of("sip:1001@pbx"), Optional.empty(), true);
        var allowed = phone(UserSettings.DEFAULT);
        allowed.send(intercom);
        allowed.takeSip();
        allowed.advance(ofSeconds(0));
        assertEquals(List.of(new Answer(in)), allowed.takeSip());

        var refused = phone(CallSettings.DEFAULTS.toBuilder().intercomAllowed(false).build(), UserSettings.DEFAULT);
        refused.send(intercom);
        refused.takeSip();
        refused.advance(ofSeconds(10));
        assertEquals(List.of(), refused.takeSip());
        assertTrue(refused.ringing());
    }

    @Test
    void aForwardedCallShowsWhoItWasFor() {
        var h = new PhoneHarness(CallSettings.DEFAULTS.toBuilder().lcd(20, 4).build());
        h.send(new IncomingCall(in, new Party("sip:1001@pbx", "Alice"), Optional.of(Party.of("sip:1000@pbx")), false));
        assertTrue(h.screenText().contains("for 1000"), h.screenText());
    }

    @Test
    void aCallWhileDiallingBeepsInsteadOfRinging() {
        var h = phone(UserSettings.DEFAULT);
        h.offHook().type("12");
        h.send(alice);
        assertFalse(h.ringing());
        assertEquals(Optional.of(Tone.CALL_WAITING), h.tone());
        h.press(Key.OK);
        assertInstanceOf(Connected.class, h.state());
    }

    @Test
    void withAutoAnswerAWaitingCallLeftAloneIsAnsweredToo() {
        var h = phone(CallSettings.DEFAULTS.toBuilder().autoAnswer(true).build(), UserSettings.DEFAULT);
        h.send(alice);
        h.advance(ofSeconds(0));
        CallId second = new CallId("in-2");
        h.send(new IncomingCall(second, Party.of("sip:1002@pbx"), Optional.empty(), false));
        assertInstanceOf(CallWaiting.class, h.state());
        h.send(new RemoteHangup(in));
        h.takeSip();
        h.advance(ofSeconds(0));
        assertEquals(List.of(new Answer(second)), h.takeSip());
        assertInstanceOf(Connected.class, h.state());
    }
}
