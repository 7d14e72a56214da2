package sipdesk.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sipdesk.core.CallControl;
import sipdesk.core.CallSettings;
import sipdesk.core.Command;
import sipdesk.core.Command.SipCommand;
import sipdesk.core.Key;
import sipdesk.core.PhoneEvent;
import sipdesk.core.PhoneState;
import sipdesk.core.SavedState;
import sipdesk.core.Screen;
import sipdesk.core.TimerId;
import sipdesk.core.Tone;

/**
 * Drives a {@link CallControl} the way the daemon's event loop does, in virtual time: timers the
 * core starts fire when the test advances the fake clock past them. Records every command.
 */
public final class PhoneHarness {
    public final FakeClock clock = new FakeClock();
    public final CallControl phone;
    private final List<Command> all = new ArrayList<>();
    private final Map<TimerId, Instant> timers = new LinkedHashMap<>();
    private int sipCursor;
    private Optional<Tone> tone = Optional.empty();
    private boolean ringer;
    private Screen screen;
    private SavedState lastSaved;

    public PhoneHarness() {
        this(CallSettings.DEFAULTS);
    }

    public PhoneHarness(CallSettings settings) {
        this(settings, SavedState.EMPTY);
    }

    public PhoneHarness(CallSettings settings, SavedState saved) {
        phone = new CallControl(settings, saved, clock);
        send(new PhoneEvent.Started());
    }

    public List<Command> send(PhoneEvent event) {
        List<Command> commands = phone.handle(event);
        for (Command c : commands) {
            all.add(c);
            switch (c) {
                case Command.StartTimer t -> timers.put(t.timer(), clock.instant().plus(t.delay()));
                case Command.CancelTimer t -> timers.remove(t.timer());
                case Command.PlayTone t -> tone = Optional.of(t.tone());
                case Command.StopTone t -> tone = Optional.empty();
                case Command.StartRinger r -> ringer = true;
                case Command.StopRinger r -> ringer = false;
                case Command.Show s -> screen = s.screen();
                case Command.SaveState s -> lastSaved = s.state();
                default -> {}
            }
        }
        return commands;
    }

    /** Moves virtual time on, firing every timer that falls due, in order. */
    public void advance(Duration d) {
        Instant end = clock.instant().plus(d);
        while (true) {
            var due = timers.entrySet().stream()
                    .filter(e -> !e.getValue().isAfter(end))
                    .min(Comparator.comparing(Map.Entry::getValue));
            if (due.isEmpty()) break;
            TimerId id = due.get().getKey();
            clock.set(due.get().getValue());
            timers.remove(id);
            send(new PhoneEvent.TimerExpired(id));
        }
        clock.set(end);
    }

    // --- the front panel ----------------------------------------------------------------------

    public PhoneHarness offHook() {
        send(new PhoneEvent.HookOff());
        return this;
    }

    public PhoneHarness onHook() {
        send(new PhoneEvent.HookOn());
        return this;
    }

    public PhoneHarness press(Key key) {
        send(new PhoneEvent.KeyPress(key));
        return this;
    }

    /** Types dial keys: "1002#" presses 1, 0, 0, 2, #. */
    public PhoneHarness type(String keys) {
        for (char c : keys.toCharArray()) send(new PhoneEvent.KeyPress(Key.ofSymbol(c)));
        return this;
    }

    // --- what came out ------------------------------------------------------------------------

    /** The SIP commands sent since the last call of this method. */
    public List<SipCommand> takeSip() {
        List<SipCommand> out = new ArrayList<>();
        for (int i = sipCursor; i < all.size(); i++) {
            if (all.get(i) instanceof SipCommand s) out.add(s);
        }
        sipCursor = all.size();
        return out;
    }

    public List<Command> commands() {
        return List.copyOf(all);
    }

    public <T extends Command> List<T> commands(Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public List<Command.Refused> refusals() {
        return commands(Command.Refused.class);
    }

    public Optional<Tone> tone() {
        return tone;
    }

    public boolean ringing() {
        return ringer;
    }

    public Screen screen() {
        return screen;
    }

    public String screenText() {
        return sipdesk.core.Glyph.ascii(screen.text());
    }

    public PhoneState state() {
        return phone.state();
    }

    public boolean timerRunning(TimerId.Kind kind) {
        return timers.keySet().stream().anyMatch(t -> t.kind() == kind);
    }

    public Optional<SavedState> lastSaved() {
        return Optional.ofNullable(lastSaved);
    }
}
