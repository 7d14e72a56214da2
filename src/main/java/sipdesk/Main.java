package sipdesk;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import sipdesk.config.ConfigCheckCommand;
import sipdesk.config.ConfigFile;
import sipdesk.config.ConfigLoad;
import sipdesk.config.HardwareKind;
import sipdesk.config.Strictness;
import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import sipdesk.hw.FrontPanel;
import sipdesk.hw.FrontPanels;
import sipdesk.hw.HardwareTestCommand;
import sipdesk.media.audio.AudioTestCommand;
import sipdesk.hw.HardwareUnavailableException;
import sipdesk.hw.PanelPoller;
import sipdesk.hw.PiHardware;
import sipdesk.control.ConfigApplyCommand;
import sipdesk.control.ControlClient;
import sipdesk.daemon.ControlCommands;
import sipdesk.daemon.LogSetup;
import sipdesk.daemon.PhoneDaemon;
import sipdesk.daemon.RunOptions;
import sipdesk.sim.SimulatedAudio;
import sipdesk.sim.Simulator;
import sipdesk.sim.TerminalPanel;

/** The command line: runs the phone, or talks to a running one, or checks a config file. */
public final class Main {
    private static final Logger LOG = Logger.getLogger(Main.class.getName());
    public static final String VERSION = "0.1.0";
    static final Set<String> CONTROL = Set.of("status", "dial", "answer", "hangup", "dnd", "forward",
            "history", "flows", "log", "reload");

    static final String USAGE = "usage: " + RunOptions.USAGE + """

                   sipdesk config check FILE [--strict]
                   sipdesk config apply FILE [--timeout S]   (install, reload, roll back if it does not register)
                   sipdesk audio test [--config FILE] [--seconds N] [--echo]   (stop the service first)
                   sipdesk hw test [--config FILE] [--seconds N] [--ring]   (check the wiring over SSH)
                   sipdesk [--socket PATH] COMMAND    (talk to the running phone)
                   sipdesk --version
            """ + ControlCommands.HELP;

    public static void main(String[] args) {
        int code;
        try {
            code = run(List.of(args), System.in, System.out, System.err);
        } catch (Exception e) {
            System.err.println("sipdesk: " + e.getMessage());
            code = 1;
        }
        // JAIN-SIP leaves a non-daemon thread behind after stop(): leave explicitly.
        System.exit(code);
    }

    static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) throws IOException {
        if (args.contains("--version")) {
            out.println("sipdesk " + VERSION);
            return 0;
        }
        if (args.contains("--help") || args.contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        if (args.size() >= 2 && args.get(0).equals("config") && args.get(1).equals("check")) {
            return ConfigCheckCommand.run(args.subList(2, args.size()), out, err);
        }
        if (args.size() >= 2 && args.get(0).equals("config") && args.get(1).equals("apply")) {
            return ConfigApplyCommand.run(args.subList(2, args.size()), ConfigFile.DEFAULT_PATH, configuredSocket(), out, err);
        }
        if (args.size() >= 2 && args.get(0).equals("audio") && args.get(1).equals("test")) {
            return audioTest(args.subList(2, args.size()), out, err);
        }
        if (args.size() >= 2 && args.get(0).equals("hw") && args.get(1).equals("test")) {
            return hardwareTest(args.subList(2, args.size()), out, err);
        }
        List<String> rest = new ArrayList<>(args);
        Optional<Path> socket = Optional.empty();
        if (rest.size() >= 2 && rest.get(0).equals("--socket") && rest.size() > 2 && CONTROL.contains(rest.get(2))) {
            socket = Optional.of(Path.of(rest.get(1)));
            rest = rest.subList(2, rest.size());
        }
        if (!rest.isEmpty() && CONTROL.contains(rest.get(0))) {
            return ControlClient.run(socket.orElseGet(Main::configuredSocket), rest, out, err);
        }
        if (!rest.isEmpty() && rest.get(0).equals("run")) rest = rest.subList(1, rest.size());
        Optional<RunOptions> o = RunOptions.parse(rest, err);
        if (o.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        return runPhone(o.get(), in, out, err);
    }

    /** The control socket named in the default config file, or the default path. */
    private static Path configuredSocket() {
        if (Files.isReadable(ConfigFile.DEFAULT_PATH)
                && ConfigFile.load(ConfigFile.DEFAULT_PATH, Strictness.LENIENT) instanceof ConfigLoad.Loaded l) {
            return l.config().device().controlSocket();
        }
        return sipdesk.config.SipdeskConfig.defaults().device().controlSocket();
    }

    private static int runPhone(RunOptions o, InputStream in, PrintStream out, PrintStream err) throws IOException {
        boolean interactive = o.script().isEmpty() && System.console() != null;
        boolean headless = o.script().isEmpty() && !interactive;
        LogSetup.configure(interactive ? Level.WARNING : Level.INFO, err);
        String hardware = chooseHardware(o);
        if (!hardware.equals("sim")) return runHardware(o, hardware, err);
        LOG.info("front panel: terminal simulator" + (headless ? " (headless: no terminal, LCD frames logged)" : ""));
        TerminalPanel terminal = new TerminalPanel(headless ? new PrintStream(OutputStreams.toLog()) : out, interactive);
        PhoneDaemon daemon = PhoneDaemon.start(o, hardware, (sink, config) -> new PhoneDaemon.FrontPanel(
                terminal, Optional.of(new SimulatedAudio(terminal::audio)), () -> {}));
        if (headless) return serveUntilStopped(daemon);
        var simulator = new Simulator(daemon.loop(), daemon.simulatedNetwork(), terminal, err);
        try {
            if (interactive) {
                return withRawTerminal(() -> {
                    simulator.runInteractive(in);
                    return 0;
                });
            }
            String script = o.script().get();
            try (InputStream s = script.equals("-") ? in : Files.newInputStream(Path.of(script))) {
                return simulator.runScript(s);
            }
        } finally {
            daemon.close();
        }
    }

    /** --hardware, else sipdesk.hardware, else a Pi when the device tree says so, else the simulator. */
    private static String chooseHardware(RunOptions o) {
        if (!o.hardware().equals("auto")) return o.hardware();
        var configured = PhoneDaemon.loadConfig(o.config(), "auto").map(c -> c.device().hardware()).orElse(HardwareKind.AUTO);
        return switch (configured) {
            case PI -> "pi";
            case SIM -> "sim";
            case SERIAL -> "serial";
            case AUTO -> isRaspberryPi() ? "pi" : "sim";
        };
    }

    /** The phone on a real front panel (Pi GPIO/I2C or a serial microcontroller), as a service runs it. */
    private static int runHardware(RunOptions o, String hardware, PrintStream err) throws IOException {
        LOG.info("front panel: " + hardware);
        Context[] pi4j = new Context[1];
        PhoneDaemon daemon;
        try {
            daemon = PhoneDaemon.start(o, hardware, (sink, config) -> {
                FrontPanel panel;
                if (hardware.equals("pi")) {
                    pi4j[0] = Pi4J.newAutoContext();
                    panel = FrontPanels.openPi(pi4j[0], config, o.config().toString(), sink, PiHardware.Options.PRODUCTION);
                } else {
                    panel = FrontPanels.openSerial(config, sink);
                }
                PanelPoller poller = PanelPoller.start(panel);
                return new PhoneDaemon.FrontPanel(panel.display(), Optional.empty(), Optional.of(panel), () -> {
                    poller.close();
                    panel.close();
                    if (pi4j[0] != null) pi4j[0].shutdown();
                });
            });
        } catch (HardwareUnavailableException e) {
            err.println("sipdesk: " + e.getMessage());
            if (pi4j[0] != null) pi4j[0].shutdown();
            return 1;
        }
        return serveUntilStopped(daemon);
    }

    /** A service's life: runs until SIGTERM (systemctl stop), then closes the phone cleanly. */
    private static int serveUntilStopped(PhoneDaemon daemon) {
        Runtime.getRuntime().addShutdownHook(new Thread(daemon::close, "sipdesk-shutdown"));
        try {
            daemon.awaitShutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int hardwareTest(List<String> args, PrintStream out, PrintStream err) {
        return withConfig(args, err, (rest, file, config) ->
                HardwareTestCommand.run(rest, config, file.toString(), out, err, HardwareTestCommand.Environment.SYSTEM));
    }

    private static int audioTest(List<String> args, PrintStream out, PrintStream err) {
        return withConfig(args, err, (rest, file, config) -> AudioTestCommand.run(rest, config, out, err));
    }

    interface ConfiguredCommand {
        int run(List<String> args, Path file, sipdesk.config.SipdeskConfig config);
    }

    /** Reads --config FILE (default /etc/sipdesk/sipdesk.cfg) and runs a diagnostic with it. */
    private static int withConfig(List<String> args, PrintStream err, ConfiguredCommand command) {
        Path file = ConfigFile.DEFAULT_PATH;
        List<String> rest = new ArrayList<>(args);
        int i = rest.indexOf("--config");
        if (i >= 0 && i + 1 < rest.size()) {
            file = Path.of(rest.get(i + 1));
            rest.remove(i + 1);
            rest.remove(i);
        }
        LogSetup.configure(Level.WARNING, err);
        var config = PhoneDaemon.loadConfig(file, "sim");
        if (config.isEmpty()) {
            err.println("sipdesk: " + file + " is not usable (see the errors above)");
            return 1;
        }
        return command.run(rest, file, config.get());
    }

    interface IoAction {
        int run() throws IOException;
    }

    private static int withRawTerminal(IoAction action) throws IOException {
        String saved = stty("-g").trim();
        stty("-icanon", "-echo", "min", "1");
        try {
            return action.run();
        } finally {
            stty(saved);
            System.out.println();
        }
    }

    private static String stty(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("stty");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(new File("/dev/tty")).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("stty interrupted", e);
        }
    }

    private static boolean isRaspberryPi() {
        try {
            Path model = Path.of("/proc/device-tree/model");
            return Files.isReadable(model) && Files.readString(model).contains("Raspberry Pi");
        } catch (IOException e) {
            return false;
        }
    }
}
