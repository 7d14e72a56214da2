package sipdesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import sipdesk.config.ConfigCheckCommand;
import sipdesk.config.ConfigFile;
import sipdesk.config.ConfigLoad;
import sipdesk.config.SipdeskConfig;
import sipdesk.config.Strictness;
import sipdesk.core.CallControl;
import sipdesk.core.port.StateStore;
import sipdesk.store.FileStateStore;
import sipdesk.core.CallSettings;
import sipdesk.core.PhoneEvent;
import sipdesk.core.SavedState;
import sipdesk.daemon.CommandDispatcher;
import sipdesk.daemon.LogSetup;
import sipdesk.loop.EventLoop;
import sipdesk.sim.MemoryStateStore;
import sipdesk.sim.SimulatedAudio;
import sipdesk.sim.SimulatedNetwork;
import sipdesk.sim.Simulator;
import sipdesk.sim.TerminalPanel;

/** The composition root: reads the command line, builds the adapters, wires them to the core. */
public final class Main {
    private static final Logger LOG = Logger.getLogger(Main.class.getName());
    public static final String VERSION = "0.1.0";

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
        List<String> rest = new ArrayList<>(args);
        if (!rest.isEmpty() && rest.get(0).equals("run")) rest.remove(0);
        Options o = Options.parse(rest, err);
        if (o == null) {
            err.println(USAGE);
            return 2;
        }
        return runPhone(o, in, out, err);
    }

    static final String USAGE = """
            usage: sipdesk [run] [--config FILE] [--hardware auto|sim] [--state-dir DIR] [--script FILE|-]
                   sipdesk config check FILE [--strict]
                   sipdesk --version
              run          start the phone (the terminal simulator when there is no Pi hardware)
              --script F   drive the simulator from a script file ('-' = stdin), print LCD frames""";

    record Options(Path config, String hardware, String script, Path stateDir) {
        static Options parse(List<String> args, PrintStream err) {
            Path config = ConfigFile.DEFAULT_PATH;
            String hardware = "auto";
            String script = null;
            Path stateDir = null;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                String v = i + 1 < args.size() ? args.get(i + 1) : null;
                switch (a) {
                    case "--config" -> config = Path.of(required(a, v));
                    case "--hardware" -> hardware = required(a, v);
                    case "--script" -> script = required(a, v);
                    case "--state-dir" -> stateDir = Path.of(required(a, v));
                    default -> {
                        err.println("sipdesk: unknown argument '" + a + "'");
                        return null;
                    }
                }
                i++;
            }
            return new Options(config, hardware, script, stateDir);
        }

        private static String required(String option, String value) {
            if (value == null) throw new IllegalArgumentException(option + " needs a value");
            return value;
        }
    }

    private static int runPhone(Options o, InputStream in, PrintStream out, PrintStream err) throws IOException {
        boolean interactive = o.script() == null && System.console() != null;
        LogSetup.configure(interactive ? Level.WARNING : Level.INFO, err);
        String hardware = o.hardware().equals("auto") ? (isRaspberryPi() ? "pi" : "sim") : o.hardware();
        if (!hardware.equals("sim")) {
            err.println("sipdesk: --hardware " + hardware + " is not available in this build; use --hardware sim");
            return 2;
        }
        LOG.info("hardware: terminal simulator");
        SipdeskConfig config = loadConfig(o.config(), hardware);
        CallSettings settings = config.toCallSettings();
        StateStore store = openStore(o.stateDir() != null ? o.stateDir() : config.device().stateDir());
        SavedState firstStart = SavedState.EMPTY.withSettings(config.initialUserSettings());
        SavedState saved = store instanceof FileStateStore f ? f.loadOr(firstStart) : firstStart;
        Clock clock = Clock.systemUTC();
        var core = new CallControl(settings, saved, clock);

        var panel = new TerminalPanel(out, interactive);
        var audio = new SimulatedAudio(panel::audio);
        EventLoop[] loopRef = new EventLoop[1];
        var network = new SimulatedNetwork(e -> loopRef[0].post(e), Duration.ofMillis(interactive ? 1000 : 200));
        var loop = new EventLoop(core, new CommandDispatcher(network, audio, panel, store), clock);
        loopRef[0] = loop;
        Thread coreThread = loop.start();
        loop.post(new PhoneEvent.Started());

        var simulator = new Simulator(loop, network, panel, err);
        int code;
        try {
            if (interactive) {
                code = withRawTerminal(() -> {
                    simulator.runInteractive(in);
                    return 0;
                });
            } else {
                InputStream script = o.script() == null || o.script().equals("-") ? in : Files.newInputStream(Path.of(o.script()));
                try (script) {
                    code = simulator.runScript(script);
                }
            }
        } finally {
            loop.close();
            network.close();
            audio.close();
            try {
                coreThread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return code;
    }

    /**
     * Reads the config file. A missing file (simulator) or a rejected one leaves the phone on its
     * defaults with the reason logged: a bad edit must not leave a dead phone.
     */
    static SipdeskConfig loadConfig(Path file, String hardware) {
        if (!Files.exists(file) && hardware.equals("sim")) {
            LOG.info("no config file at " + file + ": simulator defaults (IP direct)");
            return SipdeskConfig.defaults();
        }
        return switch (ConfigFile.load(file, Strictness.LENIENT)) {
            case ConfigLoad.Loaded l -> {
                l.warnings().forEach(w -> LOG.warning(w.message()));
                yield l.config();
            }
            case ConfigLoad.Rejected r -> {
                r.warnings().forEach(w -> LOG.warning(w.message()));
                r.errors().forEach(e -> LOG.severe(e.message()));
                LOG.severe(file + " rejected: running with defaults until it is fixed");
                yield SipdeskConfig.defaults();
            }
        };
    }

    /** The state directory, or memory only when it cannot be used (the phone works, nothing is kept). */
    static StateStore openStore(Path dir) {
        try {
            return FileStateStore.open(dir);
        } catch (IOException | RuntimeException e) {
            LOG.warning("state directory " + dir + " unusable (" + e.getMessage() + "): history and keypad settings are kept in memory only");
            return new MemoryStateStore();
        }
    }

    interface IoAction {
        int run() throws IOException;
    }

    private static int withRawTerminal(IoAction action) throws IOException {
        String saved = stty("-g").trim();
        stty("-icanon", "-echo", "min", "1");
        try {
            action.run();
            return 0;
        } finally {
            stty(saved);
            System.out.println();
        }
    }

    private static String stty(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("stty");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(new java.io.File("/dev/tty")).redirectErrorStream(true).start();
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
