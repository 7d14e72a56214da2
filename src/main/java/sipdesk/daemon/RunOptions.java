package sipdesk.daemon;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import sipdesk.config.ConfigFile;

/** The command line of {@code sipdesk run}. */
public record RunOptions(Path config, String hardware, Optional<String> script, Optional<Path> stateDir,
                         Optional<Path> socket, String network) {

    public static final String USAGE =
            "sipdesk [run] [--config FILE] [--hardware auto|sim|pi|serial] [--state-dir DIR] [--socket PATH] [--network auto|sip|sim] [--script FILE|-]";

    /** The options {@link #parse} accepts, each with a value (the launcher checks its own list against this one). */
    public static final List<String> OPTIONS = List.of("--config", "--hardware", "--script", "--state-dir", "--socket", "--network");

    /** Parses the options, or prints what is wrong and returns empty. */
    public static Optional<RunOptions> parse(List<String> args, PrintStream err) {
        Path config = ConfigFile.DEFAULT_PATH;
        String hardware = "auto";
        Optional<String> script = Optional.empty();
        Optional<Path> stateDir = Optional.empty();
        Optional<Path> socket = Optional.empty();
        String network = "auto";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!OPTIONS.contains(a)) {
                err.println("sipdesk: unknown argument '" + a + "'");
                return Optional.empty();
            }
            if (i + 1 >= args.size()) {
                err.println("sipdesk: " + a + " needs a value");
                return Optional.empty();
            }
            String v = args.get(++i);
            switch (a) {
                case "--config" -> config = Path.of(v);
                case "--hardware" -> {
                    if (!List.of("auto", "sim", "pi", "serial").contains(v)) {
                        err.println("sipdesk: --hardware must be auto, sim, pi or serial, got '" + v + "'");
                        return Optional.empty();
                    }
                    hardware = v;
                }
                case "--script" -> script = Optional.of(v);
                case "--state-dir" -> stateDir = Optional.of(Path.of(v));
                case "--socket" -> socket = Optional.of(Path.of(v));
                case "--network" -> {
                    if (!List.of("auto", "sip", "sim").contains(v)) {
                        err.println("sipdesk: --network must be auto, sip or sim, got '" + v + "'");
                        return Optional.empty();
                    }
                    network = v;
                }
                default -> {
                    err.println("sipdesk: unknown argument '" + a + "'");
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new RunOptions(config, hardware, script, stateDir, socket, network));
    }
}
