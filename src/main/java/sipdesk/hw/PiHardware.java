package sipdesk.hw;

import com.pi4j.context.Context;
import com.pi4j.io.IOType;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.i2c.I2C;
import com.pi4j.provider.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import sipdesk.core.port.EventSink;

/**
 * Builds the front panel from a Pi4J context and the wiring. The composition root creates the
 * context ({@code Pi4J.newAutoContext()}) and shuts it down; this class only opens lines on it.
 */
public final class PiHardware {
    private static final Logger LOG = Logger.getLogger(PiHardware.class.getName());

    /** The gpiod plugin's GPIO and the linuxfs plugin's I2C: the providers that work on every Pi. */
    static final String GPIOD_PREFIX = "gpiod-";
    static final String LINUXFS_PREFIX = "linuxfs-";

    /**
     * @param allowMockProviders true only in tests on MockPlatform
     * @param sleeper            waits of the LCD initialisation
     * @param nanoClock          monotonic time for the LCD backlight and ringer (System::nanoTime)
     */
    public record Options(boolean allowMockProviders, Sleeper sleeper, LongSupplier nanoClock) {
        public static final Options PRODUCTION = new Options(false, Sleeper.SYSTEM, System::nanoTime);

        public Options {
            Objects.requireNonNull(sleeper, "sleeper");
            Objects.requireNonNull(nanoClock, "nanoClock");
        }
    }

    private PiHardware() {}

    /** Opens every part {@code map} wires, on the real Pi (mock providers refused). */
    public static PiFrontPanel open(Context pi4j, PinMap map, EventSink sink) {
        return open(pi4j, map, sink, Options.PRODUCTION);
    }

    public static PiFrontPanel open(Context pi4j, PinMap map, EventSink sink, Options options) {
        checkProviders(pi4j, map, options.allowMockProviders());
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            Optional<Pcf8574Lcd> lcd = map.lcd().map(w -> track(opened,
                    Pcf8574Lcd.open(pi4j, w, options.sleeper(), options.nanoClock())));
            // Keys and the hook wake the backlight before the core hears of them.
            EventSink waking = event -> {
                lcd.ifPresent(l -> l.wake(options.nanoClock().getAsLong()));
                sink.post(event);
            };
            Optional<MatrixKeypad> keypad = map.keypad().map(w -> track(opened, MatrixKeypad.open(pi4j, w, waking)));
            Optional<HookSwitch> hook = map.hook().map(w -> HookSwitch.open(pi4j, w, waking));
            Optional<GpioLamps> lamps = map.lamps().map(w -> track(opened, GpioLamps.open(pi4j, w)));
            Optional<GpioRinger> ringer = map.ringer().map(w -> track(opened,
                    GpioRinger.open(pi4j, w, options.nanoClock())));
            Optional<GpioButtons> buttons = map.buttons().buttons().isEmpty()
                    ? Optional.empty() : Optional.of(GpioButtons.open(pi4j, map.buttons(), waking));
            return new PiFrontPanel(lcd, lamps, keypad, hook, buttons, ringer);
        } catch (RuntimeException e) {
            for (AutoCloseable c : opened) {
                try {
                    c.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private static <T extends AutoCloseable> T track(List<AutoCloseable> opened, T part) {
        opened.add(part);
        return part;
    }

    /**
     * Says which providers Pi4J chose and refuses the ones that would make the phone talk to
     * nothing: the mock plugin (picked silently when it is on the classpath and the board is not
     * recognised) and the raspberrypi plugin's own GPIO/I2C stubs.
     */
    static void checkProviders(Context pi4j, PinMap map, boolean allowMock) {
        boolean gpio = map.keypad().isPresent() || map.hook().isPresent() || map.lamps().isPresent()
                || map.ringer().isPresent() || !map.buttons().buttons().isEmpty();
        if (gpio) {
            checkProvider(pi4j, IOType.DIGITAL_INPUT, GPIOD_PREFIX, "pi4j-plugin-gpiod", allowMock);
            checkProvider(pi4j, IOType.DIGITAL_OUTPUT, GPIOD_PREFIX, "pi4j-plugin-gpiod", allowMock);
        }
        if (map.lcd().isPresent()) {
            checkProvider(pi4j, IOType.I2C, LINUXFS_PREFIX, "pi4j-plugin-linuxfs", allowMock);
        }
    }

    private static void checkProvider(Context pi4j, IOType type, String wantedPrefix, String plugin,
                                      boolean allowMock) {
        Provider<?, ?, ?> provider;
        try {
            provider = pi4j.provider(type);
        } catch (RuntimeException e) {
            throw new HardwareUnavailableException("Pi4J has no " + type + " provider: is " + plugin
                    + " on the classpath? (" + HardwareFaults.rootMessage(e) + ")", e);
        }
        if (provider == null) {
            throw new HardwareUnavailableException("Pi4J has no " + type + " provider: is " + plugin + " on the classpath?");
        }
        String id = provider.id();
        if (id.startsWith("mock")) {
            if (allowMock) return;
            throw new HardwareUnavailableException("Pi4J chose its mock provider '" + id + "' for " + type
                    + ": the phone would talk to nothing. pi4j-plugin-mock must not be on the runtime classpath"
                    + " (it wins when the board is not recognised; board: " + BoardDetector.system().describe() + ")");
        }
        if (!id.startsWith(wantedPrefix)) {
            throw new HardwareUnavailableException("Pi4J chose provider '" + id + "' for " + type + "; sipdesk needs "
                    + plugin + " (" + wantedPrefix + "*): the raspberrypi plugin's own GPIO/I2C providers do nothing");
        }
        LOG.info("Pi4J " + type + " provider: " + id);
    }

    // --- lines, with the permission errors translated -----------------------------------------

    static DigitalInput openInput(Context pi4j, String id, int bcm, PullResistance pull) {
        try {
            return pi4j.create(DigitalInput.newConfigBuilder(pi4j).id(id).name(id + " (GPIO" + bcm + ")")
                    .address(bcm).pull(pull).debounce(0L).build());
        } catch (RuntimeException e) {
            throw gpioFault(id, bcm, e);
        }
    }

    static DigitalOutput openOutput(Context pi4j, String id, int bcm, DigitalState idle) {
        try {
            return pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id(id).name(id + " (GPIO" + bcm + ")")
                    .address(bcm).initial(idle).shutdown(idle).build());
        } catch (RuntimeException e) {
            throw gpioFault(id, bcm, e);
        }
    }

    static I2C openI2c(Context pi4j, LcdWiring wiring) {
        try {
            return pi4j.create(I2C.newConfigBuilder(pi4j).id("lcd").name("LCD (PCF8574)")
                    .bus(wiring.bus()).device(wiring.address()).build());
        } catch (RuntimeException e) {
            if (HardwareFaults.isPermissionDenied(e)) {
                throw new HardwareUnavailableException("LCD: " + HardwareFaults.permissionHint(wiring.device(), "i2c"), e);
            }
            throw new HardwareUnavailableException("LCD: cannot open " + wiring.device() + " ("
                    + HardwareFaults.rootMessage(e) + "); is I2C enabled (dtparam=i2c_arm=on in config.txt)?", e);
        }
    }

    private static HardwareUnavailableException gpioFault(String id, int bcm, RuntimeException e) {
        if (HardwareFaults.isPermissionDenied(e)) {
            return new HardwareUnavailableException(id + " on GPIO" + bcm + ": "
                    + HardwareFaults.permissionHint("/dev/gpiochip*", "gpio"), e);
        }
        return new HardwareUnavailableException(id + " on GPIO" + bcm + ": " + HardwareFaults.rootMessage(e)
                + " (is another program using the line? see: gpioinfo)", e);
    }
}
