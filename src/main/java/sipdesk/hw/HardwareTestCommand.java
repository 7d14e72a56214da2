package sipdesk.hw;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import sipdesk.config.HardwareKind;
import sipdesk.config.SipdeskConfig;
import sipdesk.core.Key;
import sipdesk.core.PhoneEvent;
import sipdesk.hw.serial.SerialConnector;
import sipdesk.hw.serial.SerialFrontPanel;
import sipdesk.hw.serial.SerialPanelProtocol;

/**
 * {@code sipdesk hw test [--seconds N] [--hardware pi|serial] [--ring]}: opens the configured front
 * panel, prints every key press and hook change as it happens, and shows test patterns on the
 * LCD (every cell, each row's number, the custom glyphs), for N seconds (60 by default). Exit code
 * 0 = ran, 1 = the hardware or its configuration is not usable (the message says why), 2 = wrong
 * usage. Stop the daemon first: it holds the same GPIO lines and serial port.
 */
public final class HardwareTestCommand {
    public static final String USAGE = "usage: sipdesk hw test [--seconds N] [--hardware pi|serial] [--ring]";

    /** How often the panel is polled: 200 Hz, as the daemon does. */
    static final long POLL_NANOS = 5_000_000L;

    /**
     * What the command needs from the machine; tests inject a MockPlatform context and virtual time.
     *
     * @param pi4j      creates the Pi4J context (closed by the command)
     * @param piOptions mock providers allowed or not, the LCD's waits, the clock
     * @param serial    the serial port of a configuration
     * @param sleeper   waits between polls (tests: advances the virtual clock)
     */
    public record Environment(Supplier<Context> pi4j, PiHardware.Options piOptions,
                              Function<SipdeskConfig, SerialConnector> serial, SerialFrontPanel.Options serialOptions,
                              LongSupplier nanoClock, Sleeper sleeper, Supplier<Boolean> onRaspberryPi) {
        public static final Environment SYSTEM = new Environment(Pi4J::newAutoContext, PiHardware.Options.PRODUCTION,
                FrontPanels::serialPort, SerialFrontPanel.Options.DEFAULTS, System::nanoTime, Sleeper.SYSTEM,
                () -> BoardDetector.system().isRaspberryPi());

        public Environment {
            Objects.requireNonNull(pi4j, "pi4j");
            Objects.requireNonNull(piOptions, "piOptions");
            Objects.requireNonNull(serial, "serial");
            Objects.requireNonNull(serialOptions, "serialOptions");
            Objects.requireNonNull(nanoClock, "nanoClock");
            Objects.requireNonNull(sleeper, "sleeper");
            Objects.requireNonNull(onRaspberryPi, "onRaspberryPi");
        }
    }

    private record Options(Duration duration, Optional<HardwareKind> hardware, boolean ring) {}

    private HardwareTestCommand() {}

    /** @param args what follows {@code hw test} */
    public static int run(List<String> args, SipdeskConfig cfg, PrintStream out, PrintStream err) {
        return run(args, cfg, "sipdesk.cfg", out, err, Environment.SYSTEM);
    }

    /** @param file what messages call the configuration file */
    public static int run(List<String> args, SipdeskConfig cfg, String file, PrintStream out, PrintStream err,
                          Environment env) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("sipdesk hw test: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (o == null) {
            out.println(USAGE);
            return 0;
        }
        HardwareKind kind = o.hardware().orElse(cfg.device().hardware());
        if (kind == HardwareKind.AUTO) kind = env.onRaspberryPi().get() ? HardwareKind.PI : HardwareKind.SERIAL;
        return switch (kind) {
            case PI -> testPi(o, cfg, file, out, err, env);
            case SERIAL -> testSerial(o, cfg, out, err, env);
            case SIM, AUTO -> {
                err.println("sipdesk hw test: sipdesk.hardware = sim: no hardware to test; use --hardware pi or --hardware serial");
                yield 2;
            }
        };
    }

    private static Options parse(List<String> args) {
        Duration duration = Duration.ofSeconds(60);
        Optional<HardwareKind> hardware = Optional.empty();
        boolean ring = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--ring" -> ring = true;
                case "--seconds" -> duration = Duration.ofSeconds(seconds(value(args, ++i, a)));
                case "--hardware" -> hardware = Optional.of(switch (value(args, ++i, a)) {
                    case "pi" -> HardwareKind.PI;
                    case "serial" -> HardwareKind.SERIAL;
                    default -> throw new IllegalArgumentException("--hardware takes pi or serial, got '" + args.get(i) + "'");
                });
                default -> throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
        }
        return new Options(duration, hardware, ring);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) throw new IllegalArgumentException(option + " needs a value");
        return args.get(i);
    }

    private static int seconds(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 3600) return n;
        } catch (NumberFormatException ignored) {
            // said below
        }
        throw new IllegalArgumentException("--seconds takes 1..3600, got '" + text + "'");
    }

    // --- the two kinds of panel ----------------------------------------------------------------

    private static int testPi(Options o, SipdeskConfig cfg, String file, PrintStream out, PrintStream err, Environment env) {
        PinMapConfig.Wired wired;
        try {
            wired = FrontPanels.wiring(cfg, file);
        } catch (HardwareUnavailableException e) {
            err.println("sipdesk hw test: " + e.getMessage());
            return 1;
        }
        Context pi4j;
        try {
            pi4j = env.pi4j().get();
        } catch (RuntimeException | LinkageError e) {
            err.println("sipdesk hw test: Pi4J did not start: " + HardwareFaults.rootMessage(e));
            return 1;
        }
        try {
            Inputs inputs = new Inputs();
            PiFrontPanel panel;
            try {
                panel = PiHardware.open(pi4j, wired.pinMap(), inputs::post, env.piOptions());
            } catch (HardwareUnavailableException e) {
                err.println("sipdesk hw test: " + e.getMessage());
                return 1;
            } catch (LinkageError e) {
                err.println("sipdesk hw test: a native library of Pi4J did not load (" + HardwareFaults.rootMessage(e)
                        + "); is this an arm/arm64 Raspberry Pi OS with pi4j-plugin-gpiod and pi4j-plugin-linuxfs?");
                return 1;
            }
            out.println("Pi front panel: GPIO " + wired.pinMap().usedGpios() + wired.pinMap().lcd()
                    .map(l -> ", LCD " + l.size().columns() + "x" + l.size().rows() + " on " + l.device() + " address 0x"
                            + Integer.toHexString(l.address())).orElse(", no LCD"));
            panel.lcd().filter(l -> !l.isHealthy()).ifPresent(l ->
                    err.println("the LCD does not answer (see the warning above); keys and hook are still tested"));
            try (panel) {
                return exercise(panel, FrontPanels.lcdSizeOf(wired.pinMap()), inputs, o, out, env);
            }
        } finally {
            pi4j.shutdown();
        }
    }

    private static int testSerial(Options o, SipdeskConfig cfg, PrintStream out, PrintStream err, Environment env) {
        Inputs inputs = new Inputs();
        SerialFrontPanel panel;
        try {
            panel = SerialFrontPanel.open(env.serial().apply(cfg), FrontPanels.lcdSize(cfg), inputs::post,
                    FrontPanels.serialOptions(cfg, env.serialOptions()));
        } catch (HardwareUnavailableException e) {
            err.println("sipdesk hw test: " + e.getMessage());
            return 1;
        }
        out.println("serial front panel: " + cfg.values().get(sipdesk.config.Keys.SERIAL_PORT) + " at "
                + cfg.values().get(sipdesk.config.Keys.SERIAL_BAUD) + " baud");
        try (panel) {
            return exercise(panel, FrontPanels.lcdSize(cfg), inputs, o, out, env);
        } finally {
            if (!panel.firmware().isEmpty()) out.println("panel firmware: " + panel.firmware());
            else if (!panel.isConnected()) err.println("the serial panel never answered (see the warnings above)");
        }
    }

    // --- the test itself -----------------------------------------------------------------------

    /** What the panel posted, handed from its callbacks to the printing loop (same thread here). */
    private static final class Inputs {
        final ConcurrentLinkedQueue<PhoneEvent> queue = new ConcurrentLinkedQueue<>();

        void post(PhoneEvent e) {
            queue.add(e);
        }
    }

    private static int exercise(FrontPanel panel, LcdSize size, Inputs inputs, Options o, PrintStream out, Environment env) {
        LcdTestPatterns patterns = new LcdTestPatterns(size);
        out.println("for " + o.duration().toSeconds() + " s: press keys, lift and replace the handset; watch the LCD"
                + " (all cells, row numbers, glyphs)");
        long start = env.nanoClock().getAsLong();
        long totalNanos = o.duration().toNanos();
        String last = "";
        int keys = 0;
        int hooks = 0;
        panel.ring(o.ring());
        for (long now = start; now - start < totalNanos; now = env.nanoClock().getAsLong()) {
            Duration elapsed = Duration.ofNanos(now - start);
            if (o.ring() && elapsed.compareTo(LcdTestPatterns.STEP) >= 0) panel.ring(false);
            panel.display().show(patterns.at(elapsed, o.duration(), last));
            panel.poll(now);
            for (PhoneEvent e; (e = inputs.queue.poll()) != null; ) {
                String what = describe(e);
                out.printf(Locale.ROOT, "%7.2f s  %s%n", elapsed.toMillis() / 1000.0, what);
                last = what;
                if (e instanceof PhoneEvent.KeyPress || e instanceof PhoneEvent.KeyLongPress) keys++;
                else hooks++;
            }
            env.sleeper().sleepNanos(POLL_NANOS);
        }
        panel.ring(false);
        out.println("done: " + keys + " key event" + (keys == 1 ? "" : "s") + ", " + hooks + " hook event"
                + (hooks == 1 ? "" : "s") + " in " + o.duration().toSeconds() + " s");
        if (keys + hooks == 0) out.println("nothing was pressed or lifted: check the wiring (hardware/README.md) if you did");
        return 0;
    }

    static String describe(PhoneEvent e) {
        return switch (e) {
            case PhoneEvent.KeyPress k -> "key " + name(k.key());
            case PhoneEvent.KeyLongPress k -> "long press " + name(k.key());
            case PhoneEvent.HookOff h -> "hook off (handset lifted)";
            case PhoneEvent.HookOn h -> "hook on (handset down)";
            case PhoneEvent.HookFlash f -> "hook flash";
            default -> e.toString();
        };
    }

    private static String name(Key key) {
        return SerialPanelProtocol.keyName(key);
    }
}
