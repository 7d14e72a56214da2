package sipdesk.core;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sipdesk.core.Command.*;
import sipdesk.core.PhoneEvent.*;
import sipdesk.core.PhoneState.*;
import sipdesk.testing.PhoneHarness;

class SettingsAndHistoryTest {

    @Test
    void dndKeyTogglesAndIsSaved() {
        var h = new PhoneHarness();
        h.press(Key.DND);
        assertTrue(h.lastSaved().orElseThrow().settings().dnd());
        assertTrue(h.screen().lamps().contains(Screen.Lamp.DND));
        h.press(Key.DND);
        assertFalse(h.lastSaved().orElseThrow().settings().dnd());
    }

    @Test
    void typingANumberThenForwardTurnsAlwaysForwardOn() {
        var h = new PhoneHarness();
        h.type("1003").press(Key.FORWARD);
        assertEquals(Forward.to("1003"), h.lastSaved().orElseThrow().settings().always());
        assertInstanceOf(Idle.class, h.state());
        assertTrue(h.screen().lamps().contains(Screen.Lamp.FORWARD));
        h.press(Key.FORWARD);
        assertEquals(new Forward(false, "1003"), h.phone.saved().settings().always());
        h.press(Key.FORWARD);
        assertEquals(Forward.to("1003"), h.phone.saved().settings().always(), "the target is remembered");
    }

    @Test
    void savedStateIsRestored() {
        var saved = SavedState.EMPTY.withSettings(UserSettings.DEFAULT.withDnd(true)).withLastDialled("1002");
        var h = new PhoneHarness(CallSettings.DEFAULTS, saved);
        assertTrue(h.screenText().contains("DND on"));
        h.takeSip();
        h.press(Key.REDIAL);
        assertEquals(List.of(new Dial(new CallId("out-1"), "1002")), h.takeSip());
    }

    @Test
    void historyKeepsTheNewest100() {
        var state = SavedState.EMPTY;
        for (int i = 0; i < 150; i++) {
            state = state.record(new HistoryEntry(Instant.EPOCH.plusSeconds(i), HistoryEntry.Direction.OUTGOING,
                    Party.of("sip:" + i + "@pbx"), Duration.ZERO));
        }
        assertEquals(100, state.history().size());
        assertEquals("149", state.history().get(0).peer().number());
    }

    @Test
    void historyKeyBrowsesAndOkDialsTheEntry() {
        var h = new PhoneHarness();
        h.send(new IncomingCall(new CallId("in-1"), Party.of("sip:1001@pbx"), Optional.empty(), false));
        h.send(new IncomingCancelled(new CallId("in-1")));
        h.offHook().type("1002#").onHook();
        assertEquals(1, h.phone.saved().missedCalls());
        h.press(Key.HISTORY);
        assertEquals(0, h.phone.saved().missedCalls(), "looking at the history clears the missed count");
        assertTrue(h.screenText().contains("Dialled"), h.screenText());
        h.press(Key.HISTORY);
        assertTrue(h.screenText().contains("Missed"), h.screenText());
        h.takeSip();
        h.press(Key.OK);
        assertEquals(List.of(new Dial(new CallId("out-2"), "sip:1001@pbx")), h.takeSip());
    }

    @Test
    void registrationStateIsShownOnTheIdleScreen() {
        var h = new PhoneHarness();
        assertTrue(h.screenText().contains("Registering"));
        h.send(new RegistrationChanged(new RegistrationState.Registered("pbx", "sip:1001@pbx")));
        assertTrue(h.screenText().contains("Ready"));
        assertTrue(h.screen().lamps().contains(Screen.Lamp.REGISTERED));
        h.send(new RegistrationChanged(new RegistrationState.Failed("pbx", "403 Forbidden")));
        assertTrue(h.screenText().contains("Not registered"));
    }

    @Test
    void aScreenIsSentOnlyWhenItChanges() {
        var h = new PhoneHarness();
        int before = h.commands(Show.class).size();
        h.send(new MessageWaiting(0, 0));
        assertEquals(before, h.commands(Show.class).size());
    }

    @Test
    void everyStateHasAScreenOfTheConfiguredSize() {
        for (var size : List.of(new int[] {16, 2}, new int[] {20, 4})) {
            var h = new PhoneHarness(CallSettings.DEFAULTS.toBuilder().lcd(size[0], size[1]).build());
            List<Screen> screens = new ArrayList<>();
            h.offHook().type("1002#");
            h.send(new Answered(new CallId("out-1")));
            h.press(Key.HOLD).press(Key.TRANSFER).type("5");
            h.onHook();
            h.commands(Show.class).forEach(s -> screens.add(s.screen()));
            for (Screen s : screens) {
                assertEquals(size[1], s.lines().size());
                s.lines().forEach(l -> assertEquals(size[0], l.length(), "'" + l + "'"));
            }
        }
    }
}
