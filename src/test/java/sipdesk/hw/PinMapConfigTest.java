package sipdesk.hw;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sipdesk.config.ConfigFile;
import sipdesk.config.ConfigLoad;
import sipdesk.config.ConfigProblem;
import sipdesk.config.SipdeskConfig;
import sipdesk.config.Strictness;
import sipdesk.core.Key;
import sipdesk.core.PhoneEvent;
import sipdesk.core.Screen;

class PinMapConfigTest {

    /** Loads the text leniently (warnings allowed: the point is what PinMapConfig says). */
    static SipdeskConfig cfg(String text) {
        ConfigLoad load = ConfigFile.parse("sipdesk.cfg", ("#!version:1.0.0.1\n" + text).getBytes(UTF_8), Strictness.LENIENT);
        return assertInstanceOf(ConfigLoad.Loaded.class, load).config();
    }

    static PinMapConfig.Wired wired(String text) {
        return assertInstanceOf(PinMapConfig.Wired.class, PinMapConfig.from(cfg(text), "sipdesk.cfg"));
    }

    static List<String> refused(String text) {
        PinMapConfig.Refused r = assertInstanceOf(PinMapConfig.Refused.class, PinMapConfig.from(cfg(text), "sipdesk.cfg"));
        return r.problems().stream().map(ConfigProblem::message).toList();
    }

    @Test
    void theDefaultKeysAreTheDefaultWiring() {
        PinMapConfig.Wired w = wired("");
        assertEquals(PinMap.DEFAULT, w.pinMap());
        assertEquals(LongPressActions.yealinkDefault(), w.longPress());
    }

    @Test
    void everyPartCanBeRewired() {
        PinMap map = wired("""
                sipdesk.keypad.type = 4x4
                sipdesk.keypad.rows = 6,5,19,13
                sipdesk.keypad.columns = 21,20,16,12
                sipdesk.keypad.active_level = high
                sipdesk.keypad.debounce_ms = 30
                sipdesk.keypad.long_press_ms = 1500
                sipdesk.keypad.stuck_s = 60
                sipdesk.hook.pin = 27
                sipdesk.hook.polarity = normally_closed
                sipdesk.hook.pull = down
                sipdesk.hook.debounce_ms = 40
                sipdesk.hook.flash_min_ms = 80
                sipdesk.hook.flash_max_ms = 900
                sipdesk.lcd.columns = 20
                sipdesk.lcd.rows = 4
                sipdesk.lcd.i2c_address = 0x3f
                sipdesk.lcd.pcf8574_pins = 4,5,6,7,0,1,2,3
                sipdesk.lcd.backlight_timeout = 0
                sipdesk.led.dnd.pin = 0
                sipdesk.led.message_waiting.pin = 23
                sipdesk.led.in_use.pin = 24
                sipdesk.led.active_level = low
                sipdesk.ringer.pin = 18
                sipdesk.ringer.active_level = low
                sipdesk.ringer.cadence_ms = 400,200,400,2000
                sipdesk.button.speaker.pin = 22
                sipdesk.button.dnd.pin = 4
                sipdesk.button.pull = down
                """).pinMap();
        assertEquals(new KeypadWiring(List.of(6, 5, 19, 13), List.of(21, 20, 16, 12), KeypadWiring.PHONE_4X4, false,
                Duration.ofMillis(30), Duration.ofMillis(1500), Duration.ofSeconds(60)), map.keypad().orElseThrow());
        assertEquals(new HookWiring(27, false, Pull.DOWN, Duration.ofMillis(40), Duration.ofMillis(80), Duration.ofMillis(900)),
                map.hook().orElseThrow());
        assertEquals(new LcdWiring(1, 0x3f, LcdSize.LCD_20X4, new Pcf8574Pins(4, 5, 6, 7, 0, 1, 2, 3), Duration.ZERO),
                map.lcd().orElseThrow());
        assertEquals(new LampWiring(Map.of(Screen.Lamp.MESSAGE_WAITING, 23, Screen.Lamp.IN_USE, 24), false), map.lamps().orElseThrow());
        assertEquals(new RingerWiring(18, false, List.of(Duration.ofMillis(400), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(2000))), map.ringer().orElseThrow());
        assertEquals(new ButtonWiring(Map.of(22, Key.SPEAKER, 4, Key.DND), Pull.DOWN, Duration.ofMillis(30),
                Duration.ofMillis(1500), Duration.ofSeconds(60)), map.buttons());
    }

    @Test
    void aFourByFourPadWithoutColumnsGetsTheFourthColumnOnGpio21() {
        assertEquals(KeypadWiring.DEFAULT_4X4, wired("sipdesk.keypad.type = 4x4\n").pinMap().keypad().orElseThrow());
    }

    @Test
    void partsSetToNoneAreAbsent() {
        PinMap map = wired("""
                sipdesk.keypad.type = none
                sipdesk.hook.pin = 0
                sipdesk.lcd.enable = 0
                sipdesk.led.dnd.pin = %NULL%
                sipdesk.led.message_waiting.pin = 0
                sipdesk.ringer.pin = 0
                """).pinMap();
        assertEquals(new PinMap(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                ButtonWiring.NONE), map);
    }

    @Test
    void aGpioUsedTwiceNamesBothKeys() {
        assertEquals(List.of("sipdesk.cfg:3: sipdesk.button.hold.pin: GPIO17 is already used by sipdesk.hook.pin (line 2);"
                + " a GPIO can do one job"), refused("""
                sipdesk.hook.pin = 17
                sipdesk.button.hold.pin = 17
                """));
        assertEquals(List.of("sipdesk.cfg:2: sipdesk.ringer.pin: GPIO5 is already used by sipdesk.keypad.rows (its default);"
                + " a GPIO can do one job"), refused("sipdesk.ringer.pin = 5\n"));
        assertEquals(List.of("sipdesk.cfg:2: sipdesk.button.dnd.pin: GPIO3 is already used by sipdesk.lcd.i2c_bus (its default);"
                + " a GPIO can do one job"), refused("sipdesk.button.dnd.pin = 3\n"));
        assertEquals(List.of("sipdesk.cfg:2: sipdesk.keypad.rows: GPIO5 is listed twice"),
                refused("sipdesk.keypad.rows = 5,6,5,19\n"));
    }

    @Test
    void theKeypadNeedsTheRowsAndColumnsOfItsType() {
        assertEquals(List.of("sipdesk.cfg:2: sipdesk.keypad.rows: a 4x3 keypad has 4 rows, got 3 GPIOs"),
                refused("sipdesk.keypad.rows = 5,6,13\n"));
        assertEquals(List.of("sipdesk.cfg:3: sipdesk.keypad.columns: a 4x4 keypad has 4 columns, got 3 GPIOs"),
                refused("sipdesk.keypad.type = 4x4\nsipdesk.keypad.columns = 12,16,20\n"));
    }

    @Test
    void timesMustBeInOrderAndTheLcdSizeMustExist() {
        assertEquals(List.of("sipdesk.cfg:3: sipdesk.hook.flash_max_ms: must not be shorter than sipdesk.hook.flash_min_ms"),
                refused("sipdesk.hook.flash_min_ms = 800\nsipdesk.hook.flash_max_ms = 500\n"));
        assertEquals(List.of("sipdesk.cfg:2: sipdesk.keypad.long_press_ms: must be longer than sipdesk.keypad.debounce_ms"),
                refused("sipdesk.keypad.long_press_ms = 100\nsipdesk.keypad.debounce_ms = 200\n").subList(0, 1));
        assertEquals(List.of("sipdesk.cfg:3: sipdesk.lcd.rows: the LCD is 16x2 or 20x4, got 16x4"),
                refused("sipdesk.lcd.columns = 16\nsipdesk.lcd.rows = 4\n"));
    }

    @Test
    void unusableValuesAreWarningsWithFileLineAndKey() {
        ConfigLoad load = ConfigFile.parse("sipdesk.cfg", """
                sipdesk.hook.pin = 28
                sipdesk.keypad.rows = 5,6,x,19
                sipdesk.lcd.pcf8574_pins = 0,1,2,3,4,5,6,6
                sipdesk.ringer.cadence_ms = 2000,0
                sipdesk.keypad.long_press.star = fly
                """.getBytes(UTF_8), Strictness.LENIENT);
        List<String> messages = load.warnings().stream().map(ConfigProblem::message).toList();
        assertEquals(List.of(
                "sipdesk.cfg:1: sipdesk.hook.pin: expected a BCM GPIO number 2..27, or 0 or %NULL% for none, got '28'; kept the previous value",
                "sipdesk.cfg:2: sipdesk.keypad.rows: expected BCM GPIO numbers 2..27 separated by commas, got '5,6,x,19'; kept the previous value",
                "sipdesk.cfg:3: sipdesk.lcd.pcf8574_pins: expected 8 different numbers 0..7 separated by commas, got '0,1,2,3,4,5,6,6'; kept the previous value",
                "sipdesk.cfg:4: sipdesk.ringer.cadence_ms: expected empty, or 1 to 8 times in ms (1..60000) separated by commas, got '2000,0'; kept the previous value",
                "sipdesk.cfg:5: sipdesk.keypad.long_press.star: expected none, ok, cancel, redial, dnd, hold, transfer, conference, speaker, forward or history, got 'fly'; kept the previous value"),
                messages);
    }

    @Test
    void configCheckReportsAClashAsAWarningAndStrictRejectsIt() {
        byte[] text = "sipdesk.hook.pin = 18\n".getBytes(UTF_8);
        ConfigLoad lenient = ConfigFile.parse("sipdesk.cfg", text, Strictness.LENIENT);
        assertEquals(List.of("sipdesk.cfg:1: sipdesk.hook.pin: GPIO18 is already used by sipdesk.ringer.pin (its default);"
                + " a GPIO can do one job"), lenient.warnings().stream().map(ConfigProblem::message).toList());
        assertInstanceOf(ConfigLoad.Rejected.class, ConfigFile.parse("sipdesk.cfg", text, Strictness.STRICT));
    }

    @Test
    void longPressesBecomeThePressOfTheirActionKey() {
        LongPressActions actions = wired("""
                sipdesk.keypad.long_press.1 = history
                sipdesk.keypad.long_press.pound = none
                """).longPress();
        List<PhoneEvent> posted = new ArrayList<>();
        var sink = actions.applyTo(posted::add);
        sink.post(new PhoneEvent.KeyLongPress(Key.DIGIT_1));
        sink.post(new PhoneEvent.KeyLongPress(Key.POUND));
        sink.post(new PhoneEvent.KeyLongPress(Key.HOLD));
        sink.post(new PhoneEvent.KeyPress(Key.DIGIT_1));
        assertEquals(List.of(new PhoneEvent.KeyPress(Key.HISTORY), new PhoneEvent.KeyLongPress(Key.HOLD),
                new PhoneEvent.KeyPress(Key.DIGIT_1)), posted);
    }
}
