package sipdesk.hw;

import static sipdesk.config.ConfigProblem.Kind.INCONSISTENT;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import sipdesk.config.ConfigProblem;
import sipdesk.config.KeypadType;
import sipdesk.config.Keys;
import sipdesk.config.PanelWiringCheck;
import sipdesk.config.Setting;
import sipdesk.config.SettingValues;
import sipdesk.config.SipdeskConfig;
import sipdesk.core.Key;
import sipdesk.core.Screen;

/**
 * The Pi's wiring as sipdesk.cfg describes it ({@code sipdesk.keypad.*}, {@code sipdesk.hook.*},
 * {@code sipdesk.lcd.*}, {@code sipdesk.led.*}, {@code sipdesk.ringer.*}, {@code sipdesk.button.*}).
 * Pure: values in, a {@link PinMap} or the problems out. The defaults give {@link PinMap#DEFAULT}.
 */
public final class PinMapConfig {

    public sealed interface Result permits Wired, Refused {}

    /** The wiring, and what long presses do. */
    public record Wired(PinMap pinMap, LongPressActions longPress) implements Result {
        public Wired {
            Objects.requireNonNull(pinMap, "pinMap");
            Objects.requireNonNull(longPress, "longPress");
        }
    }

    /** The keys do not describe a wiring that can work; every problem is {@code file:line: key: what}. */
    public record Refused(List<ConfigProblem> problems) implements Result {
        public Refused {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) throw new IllegalArgumentException("refused without a problem");
        }

        public String message() {
            return String.join("\n", problems.stream().map(ConfigProblem::message).toList());
        }
    }

    private PinMapConfig() {}

    /** @param file what messages call the configuration file (its path) */
    public static Result from(SipdeskConfig config, String file) {
        SettingValues v = config.values();
        List<ConfigProblem> problems = PanelWiringCheck.problems(v, file);
        if (!problems.isEmpty()) return new Refused(problems);
        try {
            PinMap map = new PinMap(keypad(v), hook(v), lcd(config), lamps(v), ringer(v, config), buttons(v));
            return new Wired(map, longPressActions(config));
        } catch (IllegalArgumentException e) {
            // PanelWiringCheck should have caught it: say what the records refused rather than crash.
            return new Refused(List.of(new ConfigProblem(file, 0, "", "the front panel wiring is not usable: "
                    + e.getMessage(), INCONSISTENT)));
        }
    }

    private static Optional<KeypadWiring> keypad(SettingValues v) {
        KeypadType type = v.get(Keys.KEYPAD_TYPE);
        if (type == KeypadType.NONE) return Optional.empty();
        return Optional.of(new KeypadWiring(v.get(Keys.KEYPAD_ROWS), PanelWiringCheck.keypadColumns(v),
                type == KeypadType.PHONE_4X4 ? KeypadWiring.PHONE_4X4 : KeypadWiring.PHONE_4X3,
                !v.get(Keys.KEYPAD_ACTIVE_HIGH), v.get(Keys.KEYPAD_DEBOUNCE), v.get(Keys.KEYPAD_LONG_PRESS),
                v.get(Keys.KEYPAD_STUCK)));
    }

    private static Optional<HookWiring> hook(SettingValues v) {
        return v.get(Keys.HOOK_PIN).map(bcm -> new HookWiring(bcm, v.get(Keys.HOOK_NORMALLY_OPEN),
                v.get(Keys.HOOK_PULL_UP) ? Pull.UP : Pull.DOWN, v.get(Keys.HOOK_DEBOUNCE), v.get(Keys.HOOK_FLASH_MIN),
                v.get(Keys.HOOK_FLASH_MAX)));
    }

    private static Optional<LcdWiring> lcd(SipdeskConfig config) {
        SettingValues v = config.values();
        if (!v.get(Keys.LCD_ENABLE)) return Optional.empty();
        LcdSize size = config.device().lcdColumns() == 20 ? LcdSize.LCD_20X4 : LcdSize.LCD_16X2;
        List<Integer> bits = v.get(Keys.LCD_PCF8574_PINS);
        Pcf8574Pins pins = new Pcf8574Pins(bits.get(0), bits.get(1), bits.get(2), bits.get(3), bits.get(4), bits.get(5),
                bits.get(6), bits.get(7));
        return Optional.of(new LcdWiring(config.device().lcdI2cBus(), config.device().lcdI2cAddress(), size, pins,
                v.get(Keys.LCD_BACKLIGHT_TIMEOUT)));
    }

    private static Optional<LampWiring> lamps(SettingValues v) {
        Map<Screen.Lamp, Setting<Optional<Integer>>> keys = Map.of(
                Screen.Lamp.DND, Keys.LED_DND_PIN,
                Screen.Lamp.MESSAGE_WAITING, Keys.LED_MESSAGE_WAITING_PIN,
                Screen.Lamp.FORWARD, Keys.LED_FORWARD_PIN,
                Screen.Lamp.REGISTERED, Keys.LED_REGISTERED_PIN,
                Screen.Lamp.IN_USE, Keys.LED_IN_USE_PIN);
        Map<Screen.Lamp, Integer> pins = new EnumMap<>(Screen.Lamp.class);
        keys.forEach((lamp, key) -> v.get(key).ifPresent(bcm -> pins.put(lamp, bcm)));
        return pins.isEmpty() ? Optional.empty() : Optional.of(new LampWiring(pins, v.get(Keys.LED_ACTIVE_HIGH)));
    }

    private static Optional<RingerWiring> ringer(SettingValues v, SipdeskConfig config) {
        return v.get(Keys.RINGER_PIN).map(bcm -> new RingerWiring(bcm, v.get(Keys.RINGER_ACTIVE_HIGH),
                v.get(Keys.RINGER_CADENCE).orElseGet(() -> RingCadence.of(config.tones()))));
    }

    private static ButtonWiring buttons(SettingValues v) {
        Map<Integer, Key> buttons = new HashMap<>();
        v.get(Keys.BUTTON_SPEAKER_PIN).ifPresent(bcm -> buttons.put(bcm, Key.SPEAKER));
        v.get(Keys.BUTTON_HOLD_PIN).ifPresent(bcm -> buttons.put(bcm, Key.HOLD));
        v.get(Keys.BUTTON_TRANSFER_PIN).ifPresent(bcm -> buttons.put(bcm, Key.TRANSFER));
        v.get(Keys.BUTTON_REDIAL_PIN).ifPresent(bcm -> buttons.put(bcm, Key.REDIAL));
        v.get(Keys.BUTTON_DND_PIN).ifPresent(bcm -> buttons.put(bcm, Key.DND));
        return new ButtonWiring(buttons, v.get(Keys.BUTTON_PULL_UP) ? Pull.UP : Pull.DOWN, v.get(Keys.KEYPAD_DEBOUNCE),
                v.get(Keys.KEYPAD_LONG_PRESS), v.get(Keys.KEYPAD_STUCK));
    }

    /** {@code sipdesk.keypad.long_press.*} alone: the serial panel needs them without the GPIO wiring. */
    public static LongPressActions longPressActions(SipdeskConfig config) {
        SettingValues v = config.values();
        Map<Key, Optional<Key>> actions = new EnumMap<>(Key.class);
        Keys.KEYPAD_LONG_PRESS_ACTION.forEach((key, setting) -> actions.put(key, v.get(setting)));
        return new LongPressActions(actions);
    }
}
