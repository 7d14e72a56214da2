package sipdesk.core;

import java.util.List;
import java.util.Set;

/**
 * One frame of the LCD: exactly {@code rows} lines of exactly {@code columns} characters, plus the
 * lamps (LEDs) lit. Text uses a few private glyph characters that front panels map to custom
 * characters or fall back to ASCII, see {@link Glyph}.
 */
public record Screen(List<String> lines, Set<Lamp> lamps) {
    public enum Lamp { DND, MESSAGE_WAITING, FORWARD, REGISTERED, IN_USE }

    public Screen {
        lines = List.copyOf(lines);
        lamps = Set.copyOf(lamps);
    }

    public String text() {
        return String.join("\n", lines);
    }
}
