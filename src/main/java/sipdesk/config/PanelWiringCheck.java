package sipdesk.config;

import static sipdesk.config.ConfigProblem.Kind.INCONSISTENT;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the Pi front panel keys that must agree with each other: every GPIO does one job, the
 * keypad has the rows and columns its type needs, times are in order, the LCD size exists. Pure
 * (config values in, problems out): {@code config check} reports them as warnings, and the Pi
 * front panel refuses to start with any of them (sipdesk.hw.PinMapConfig).
 */
public final class PanelWiringCheck {
    /** GPIO2/3 are SDA/SCL of I2C bus 1, where the LCD backpack sits. */
    private static final List<Integer> I2C1 = List.of(2, 3);
    /** The fourth column of a 4x4 pad when sipdesk.keypad.columns is not set (hardware/README.md). */
    private static final List<Integer> COLUMNS_4X4 = List.of(12, 16, 20, 21);

    private final SettingValues v;
    private final String file;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private PanelWiringCheck(SettingValues v, String file) {
        this.v = v;
        this.file = file;
    }

    /** Every problem, in line order; empty when the wiring can be built. */
    public static List<ConfigProblem> problems(SettingValues values, String file) {
        PanelWiringCheck c = new PanelWiringCheck(values, file);
        c.keypad();
        c.hook();
        c.lcd();
        c.gpioClaims();
        c.problems.sort(Comparator.comparingInt(ConfigProblem::line));
        return List.copyOf(c.problems);
    }

    /** The keypad columns: as set, or for a 4x4 pad with the key not set, 12,16,20,21. */
    public static List<Integer> keypadColumns(SettingValues v) {
        if (v.get(Keys.KEYPAD_TYPE) == KeypadType.PHONE_4X4 && v.line(Keys.KEYPAD_COLUMNS) == 0) return COLUMNS_4X4;
        return v.get(Keys.KEYPAD_COLUMNS);
    }

    private void keypad() {
        KeypadType type = v.get(Keys.KEYPAD_TYPE);
        if (type == KeypadType.NONE) return;
        int rows = v.get(Keys.KEYPAD_ROWS).size();
        if (rows != 4) problem(Keys.KEYPAD_ROWS, "a " + typeName(type) + " keypad has 4 rows, got " + rows + " GPIOs");
        int wanted = type == KeypadType.PHONE_4X4 ? 4 : 3;
        int columns = keypadColumns(v).size();
        if (columns != wanted) {
            problem(Keys.KEYPAD_COLUMNS, "a " + typeName(type) + " keypad has " + wanted + " columns, got " + columns + " GPIOs");
        }
        if (v.get(Keys.KEYPAD_DEBOUNCE).compareTo(v.get(Keys.KEYPAD_LONG_PRESS)) >= 0) {
            problem(Keys.KEYPAD_LONG_PRESS, "must be longer than " + Keys.KEYPAD_DEBOUNCE.name());
        }
        if (v.get(Keys.KEYPAD_LONG_PRESS).compareTo(v.get(Keys.KEYPAD_STUCK)) >= 0) {
            problem(Keys.KEYPAD_STUCK, "must be longer than " + Keys.KEYPAD_LONG_PRESS.name());
        }
    }

    private void hook() {
        if (v.get(Keys.HOOK_PIN).isEmpty()) return;
        if (v.get(Keys.HOOK_FLASH_MIN).compareTo(v.get(Keys.HOOK_FLASH_MAX)) > 0) {
            problem(Keys.HOOK_FLASH_MAX, "must not be shorter than " + Keys.HOOK_FLASH_MIN.name());
        }
    }

    private void lcd() {
        if (!v.get(Keys.LCD_ENABLE)) return;
        int columns = v.get(Keys.LCD_COLUMNS);
        int rows = v.get(Keys.LCD_ROWS);
        if (!((columns == 16 && rows == 2) || (columns == 20 && rows == 4))) {
            Setting<Integer> later = v.line(Keys.LCD_ROWS) >= v.line(Keys.LCD_COLUMNS) ? Keys.LCD_ROWS : Keys.LCD_COLUMNS;
            problem(later, "the LCD is 16x2 or 20x4, got " + columns + "x" + rows);
        }
    }

    /** One GPIO, one job: the later line's key is the one reported, naming the earlier. */
    private void gpioClaims() {
        Map<Integer, Setting<?>> owner = new LinkedHashMap<>();
        for (Claim c : claims()) {
            Setting<?> previous = owner.putIfAbsent(c.gpio(), c.key());
            if (previous == null) continue;
            String where = v.line(previous) == 0 ? "its default" : "line " + v.line(previous);
            String detail = previous == c.key()
                    ? "GPIO" + c.gpio() + " is listed twice"
                    : "GPIO" + c.gpio() + " is already used by " + previous.name() + " (" + where + "); a GPIO can do one job";
            problem(c.key(), detail);
        }
    }

    private record Claim(int gpio, Setting<?> key) {}

    /** Every GPIO the keys claim, earliest line first, so a clash names the key set later. */
    private List<Claim> claims() {
        List<Claim> all = new ArrayList<>();
        if (v.get(Keys.KEYPAD_TYPE) != KeypadType.NONE) {
            v.get(Keys.KEYPAD_ROWS).forEach(g -> all.add(new Claim(g, Keys.KEYPAD_ROWS)));
            keypadColumns(v).forEach(g -> all.add(new Claim(g, Keys.KEYPAD_COLUMNS)));
        }
        if (v.get(Keys.LCD_ENABLE) && v.get(Keys.LCD_I2C_BUS) == 1) I2C1.forEach(g -> all.add(new Claim(g, Keys.LCD_I2C_BUS)));
        for (Setting<Optional<Integer>> key : List.of(Keys.HOOK_PIN, Keys.LED_DND_PIN, Keys.LED_MESSAGE_WAITING_PIN,
                Keys.LED_FORWARD_PIN, Keys.LED_REGISTERED_PIN, Keys.LED_IN_USE_PIN, Keys.RINGER_PIN, Keys.BUTTON_SPEAKER_PIN,
                Keys.BUTTON_HOLD_PIN, Keys.BUTTON_TRANSFER_PIN, Keys.BUTTON_REDIAL_PIN, Keys.BUTTON_DND_PIN)) {
            v.get(key).ifPresent(g -> all.add(new Claim(g, key)));
        }
        all.sort(Comparator.comparingInt((Claim c) -> v.line(c.key()))); // stable: table order within a line
        return all;
    }

    private void problem(Setting<?> key, String detail) {
        problems.add(new ConfigProblem(file, v.line(key), key.name(), detail, INCONSISTENT));
    }

    private static String typeName(KeypadType type) {
        return type == KeypadType.PHONE_4X4 ? "4x4" : "4x3";
    }
}
