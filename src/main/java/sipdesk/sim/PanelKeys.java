package sipdesk.sim;

import java.util.Locale;
import java.util.Optional;
import sipdesk.core.Key;
import sipdesk.core.PhoneEvent;

/** The simulator's keyboard map: one character per front-panel action. */
public final class PanelKeys {
    private PanelKeys() {}

    /** The event a typed character stands for; hook toggling needs the current hook state. */
    public static Optional<PhoneEvent> event(char c, boolean handsetUp) {
        if ((c >= '0' && c <= '9') || c == '*' || c == '#') return Optional.of(new PhoneEvent.KeyPress(Key.ofSymbol(c)));
        return switch (Character.toLowerCase(c)) {
            case 'h', ' ' -> Optional.of(handsetUp ? new PhoneEvent.HookOn() : new PhoneEvent.HookOff());
            case '\n', '\r' -> key(Key.OK);
            case 'c', '\b', 127 -> key(Key.CANCEL);
            case 'r' -> key(Key.REDIAL);
            case 'd' -> key(Key.DND);
            case 'o' -> key(Key.HOLD);
            case 't' -> key(Key.TRANSFER);
            case 'k' -> key(Key.CONFERENCE);
            case 's' -> key(Key.SPEAKER);
            case 'f' -> key(Key.FORWARD);
            case 'y' -> key(Key.HISTORY);
            case 'x' -> Optional.of(new PhoneEvent.HookFlash());
            default -> Optional.empty();
        };
    }

    /** A key by name, as scripts write it: "OK", "hold", "5", "#". */
    public static Optional<Key> byName(String name) {
        if (name.length() == 1 && "0123456789*#".contains(name)) return Optional.of(Key.ofSymbol(name.charAt(0)));
        try {
            return Optional.of(Key.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<PhoneEvent> key(Key k) {
        return Optional.of(new PhoneEvent.KeyPress(k));
    }
}
