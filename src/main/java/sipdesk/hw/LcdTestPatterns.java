package sipdesk.hw;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import sipdesk.core.Glyph;
import sipdesk.core.Screen;

/**
 * What {@code sipdesk hw test} shows, by time: every cell dark (and every lamp lit), each row
 * filled with its number (0-based: a swapped row offset shows at once), the custom glyphs with
 * their ASCII fallbacks, then the time left and the last input seen. Pure.
 */
final class LcdTestPatterns {
    /** How long each of the three patterns stays. */
    static final Duration STEP = Duration.ofSeconds(2);

    private final LcdSize size;

    LcdTestPatterns(LcdSize size) {
        this.size = size;
    }

    Screen at(Duration elapsed, Duration total, String lastInput) {
        long step = elapsed.toMillis() / STEP.toMillis();
        if (step == 0) return allCells();
        if (step == 1) return rowNumbers();
        if (step == 2) return glyphs();
        long left = Math.max(0, total.minus(elapsed).toSeconds());
        return screen(List.of("hw test " + left + " s", lastInput.isEmpty() ? "press a key" : lastInput), Set.of());
    }

    Screen allCells() {
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < size.rows(); r++) lines.add("\u2588".repeat(size.columns()));
        return new Screen(lines, EnumSet.allOf(Screen.Lamp.class));
    }

    Screen rowNumbers() {
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < size.rows(); r++) lines.add(String.valueOf(r).repeat(size.columns()));
        return new Screen(lines, Set.of());
    }

    Screen glyphs() {
        StringBuilder icons = new StringBuilder();
        StringBuilder ascii = new StringBuilder();
        for (char g : LcdCharset.GLYPHS) {
            icons.append(g).append(' ');
            ascii.append(Glyph.ascii(g)).append(' ');
        }
        return screen(List.of(icons.toString(), ascii.toString()), Set.of());
    }

    /** Lines cut or padded to the LCD, extra rows blank. */
    private Screen screen(List<String> text, Set<Screen.Lamp> lamps) {
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < size.rows(); r++) {
            String t = r < text.size() ? text.get(r) : "";
            lines.add(t.length() > size.columns() ? t.substring(0, size.columns())
                    : t + " ".repeat(size.columns() - t.length()));
        }
        return new Screen(lines, lamps);
    }
}
