package sipdesk.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.i2c.I2C;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sipdesk.config.SipdeskConfig;
import sipdesk.hw.serial.SerialFrontPanel;
import sipdesk.hw.serial.SerialLinkException;

class HardwareTestCommandTest {
    private final FakeNanoClock clock = new FakeNanoClock();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Context pi4j;

    /**
     * Plays the person at the phone on the mock: lifts the handset at 1 s, presses 5 from 6.5 s to
     * 6.7 s, and records what the LCD showed at 1, 3 and 5 s (one moment in each test pattern).
     */
    private final class Tester implements Sleeper {
        final Map<Integer, List<String>> lcdAt = new HashMap<>();
        private long startNanos = -1;
        private KeypadFinger finger;
        private Hd44780Model model;
        private I2C i2c;

        @Override
        public void sleepNanos(long nanos) {
            if (startNanos < 0) {
                startNanos = clock.now();
                finger = new KeypadFinger(pi4j, KeypadWiring.DEFAULT_4X3);
                model = new Hd44780Model(Pcf8574Pins.COMMON);
                i2c = pi4j.io("lcd");
                MockDigitalInput hook = pi4j.io("hook");
                hook.mockState(DigitalState.LOW); // NO switch to GND, handset down: closed
            }
            drainLcd();
            long before = clock.now() - startNanos;
            long after = clock.advance(Duration.ofNanos(nanos)) - startNanos;
            for (int s : List.of(1, 3, 5)) {
                if (before < s * 1_000_000_000L && after >= s * 1_000_000_000L) lcdAt.put(s, model.rows(LcdSize.LCD_16X2));
            }
            if (crossed(before, after, 1_000)) ((MockDigitalInput) pi4j.io("hook")).mockState(DigitalState.HIGH);
            if (crossed(before, after, 6_500)) finger.press(1, 1);
            if (crossed(before, after, 6_700)) finger.release(1, 1);
        }

        private boolean crossed(long before, long after, long millis) {
            return before < millis * 1_000_000L && after >= millis * 1_000_000L;
        }

        private void drainLcd() {
            byte[] buf = new byte[512];
            for (int n; (n = i2c.read(buf, 0, buf.length)) > 0; ) model.feed(Arrays.copyOf(buf, n));
        }
    }

    private HardwareTestCommand.Environment mockPi(Sleeper sleeper) {
        return new HardwareTestCommand.Environment(() -> pi4j = MockPi.context(), MockPi.options(clock),
                cfg -> () -> {
                    throw new SerialLinkException(SerialLinkException.Reason.NOT_FOUND, "no port in this test", null);
                },
                SerialFrontPanel.Options.DEFAULTS, clock, sleeper, () -> true);
    }

    private int run(HardwareTestCommand.Environment env, String... args) {
        return HardwareTestCommand.run(List.of(args), SipdeskConfig.defaults(), "sipdesk.cfg",
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env);
    }

    @Test
    void printsKeysAndHookAsTheyHappenAndDrawsTheTestPatterns() {
        Tester tester = new Tester();
        assertEquals(0, run(mockPi(tester), "--seconds", "8", "--hardware", "pi"), err.toString());
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("   1.0") && printed.contains("s  hook off (handset lifted)\n"), printed);
        assertTrue(printed.contains("s  key 5\n"), printed);
        assertTrue(printed.endsWith("done: 1 key event, 1 hook event in 8 s\n"), printed);

        String blocks = String.valueOf((char) 0xFF).repeat(16);
        assertEquals(List.of(blocks, blocks), tester.lcdAt.get(1));
        assertEquals(List.of("0".repeat(16), "1".repeat(16)), tester.lcdAt.get(3));
        assertEquals("\u0000 \u0001 \u0002 \u0003 \u0004 \u0005 \u0006   ", tester.lcdAt.get(5).get(0));
        assertEquals("T * M > < X H   ", tester.lcdAt.get(5).get(1));
        assertTrue(pi4j.isShutdown(), "the command shuts its Pi4J context down");
    }

    @Test
    void aWiringThatDoesNotFitIsRefusedWithFileLineAndKey() {
        SipdeskConfig clash = PinMapConfigTest.cfg("sipdesk.button.hold.pin = 17\n");
        int code = HardwareTestCommand.run(List.of("--hardware", "pi"), clash, "/etc/sipdesk/sipdesk.cfg",
                new PrintStream(out, true), new PrintStream(err, true), mockPi(nanos -> clock.advance(Duration.ofNanos(nanos))));
        assertEquals(1, code);
        assertEquals("sipdesk hw test: the front panel wiring in /etc/sipdesk/sipdesk.cfg is not usable:\n"
                + "/etc/sipdesk/sipdesk.cfg:2: sipdesk.button.hold.pin: GPIO17 is already used by sipdesk.hook.pin"
                + " (its default); a GPIO can do one job\n", err.toString());
    }

    @Test
    void mockProvidersOutsideTestsAreAClearError() {
        HardwareTestCommand.Environment env = new HardwareTestCommand.Environment(() -> pi4j = MockPi.context(),
                PiHardware.Options.PRODUCTION, cfg -> null, SerialFrontPanel.Options.DEFAULTS, clock,
                nanos -> clock.advance(Duration.ofNanos(nanos)), () -> true);
        assertEquals(1, run(env, "--seconds", "1"));
        assertTrue(err.toString().startsWith("sipdesk hw test: Pi4J chose its mock provider"), err.toString());
        assertTrue(pi4j.isShutdown());
    }

    @Test
    void anAbsentSerialPanelIsReportedAndTheTestStillRuns() {
        assertEquals(0, run(mockPi(nanos -> clock.advance(Duration.ofNanos(nanos))), "--seconds", "2", "--hardware", "serial"));
        assertTrue(out.toString().contains("serial front panel: /dev/ttyACM0 at 115200 baud"), out.toString());
        assertTrue(err.toString().contains("the serial panel never answered"), err.toString());
    }

    @Test
    void wrongUsageIsExitCode2() {
        assertEquals(2, run(mockPi(nanos -> { }), "--seconds", "0"));
        assertTrue(err.toString().contains("--seconds takes 1..3600, got '0'"), err.toString());
        assertEquals(2, run(mockPi(nanos -> { }), "--hardware", "sim"));
        assertEquals(2, run(mockPi(nanos -> { }), "--bogus"));
    }

    @Test
    void aSerialPortWithoutPermissionSaysWhichGroupToJoin() {
        HardwareTestCommand.Environment env = new HardwareTestCommand.Environment(MockPi::context, MockPi.options(clock),
                cfg -> () -> {
                    throw new SerialLinkException(SerialLinkException.Reason.PERMISSION_DENIED,
                            "permission denied on /dev/ttyACM0: add the service user to group 'dialout'", null);
                },
                SerialFrontPanel.Options.DEFAULTS, clock, nanos -> clock.advance(Duration.ofNanos(nanos)), () -> false);
        assertEquals(1, run(env, "--seconds", "1"));
        assertEquals("sipdesk hw test: serial front panel: permission denied on /dev/ttyACM0: add the service user to"
                + " group 'dialout'\n", err.toString());
    }
}
