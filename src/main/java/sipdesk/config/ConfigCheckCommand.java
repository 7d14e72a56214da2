package sipdesk.config;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code sipdesk config check FILE [--strict]}: reads a configuration file as the daemon would and
 * prints what it ignores. Exit code 0 = usable (warnings may be printed), 1 = rejected or unreadable,
 * 2 = wrong usage.
 */
public final class ConfigCheckCommand {
    public static final String USAGE = "usage: sipdesk config check FILE [--strict]";

    private ConfigCheckCommand() {
    }

    /** @param args what follows {@code config check}: the file and optionally {@code --strict} */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path file = null;
        Strictness strictness = Strictness.LENIENT;
        for (String a : args) {
            switch (a) {
                case "--strict" -> strictness = Strictness.STRICT;
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    if (a.startsWith("-") || file != null) return usage(err, "unexpected argument '" + a + "'");
                    file = Path.of(a);
                }
            }
        }
        if (file == null) return usage(err, "no file named");
        return report(file, ConfigFile.load(file, strictness), out, err);
    }

    private static int report(Path file, ConfigLoad load, PrintStream out, PrintStream err) {
        return switch (load) {
            case ConfigLoad.Loaded l -> {
                l.warnings().forEach(w -> err.println("warning: " + w.message()));
                out.println(file + ": ok" + count(l.warnings().size(), "warning", ", "));
                yield 0;
            }
            case ConfigLoad.Rejected r -> {
                r.errors().forEach(e -> err.println("error: " + e.message()));
                r.warnings().forEach(w -> err.println("warning: " + w.message()));
                err.println(file + ": rejected, nothing applied" + count(r.errors().size(), "error", ", ")
                        + count(r.warnings().size(), "warning", ", "));
                yield 1;
            }
        };
    }

    private static int usage(PrintStream err, String why) {
        err.println("sipdesk config check: " + why);
        err.println(USAGE);
        return 2;
    }

    private static String count(int n, String noun, String prefix) {
        return n == 0 ? "" : prefix + n + " " + noun + (n == 1 ? "" : "s");
    }
}
