package sipdesk.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import sipdesk.config.ConfigFile;
import sipdesk.config.ConfigLoad;
import sipdesk.config.Strictness;
import sipdesk.store.AtomicFile;

/**
 * {@code sipdesk config apply FILE}: like a "commit confirmed". The file is checked, installed
 * atomically over the running config, the daemon reloads it, and when its account does not
 * register within the timeout the previous file is put back and reloaded, saying so.
 */
public final class ConfigApplyCommand {
    public static final String USAGE = "usage: sipdesk config apply FILE [--target PATH] [--socket PATH] [--timeout SECONDS]";
    private static final Duration POLL = Duration.ofMillis(250);

    private ConfigApplyCommand() {}

    public static int run(List<String> args, Path defaultTarget, Path defaultSocket, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(args);
        Path target = defaultTarget;
        Path socket = defaultSocket;
        Duration timeout = Duration.ofSeconds(60);
        try {
            for (int i = 0; i < rest.size(); i++) {
                String a = rest.get(i);
                if (!a.startsWith("--")) continue;
                if (i + 1 >= rest.size()) throw new IllegalArgumentException(a + " needs a value");
                String v = rest.remove(i + 1);
                rest.remove(i--);
                switch (a) {
                    case "--target" -> target = Path.of(v);
                    case "--socket" -> socket = Path.of(v);
                    case "--timeout" -> timeout = Duration.ofSeconds(Long.parseLong(v));
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("sipdesk: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        if (rest.size() != 1) {
            err.println(USAGE);
            return 2;
        }
        return apply(Path.of(rest.get(0)), target, socket, timeout, out, err);
    }

    static int apply(Path file, Path target, Path socket, Duration timeout, PrintStream out, PrintStream err) {
        ConfigLoad load = ConfigFile.load(file, Strictness.LENIENT);
        load.warnings().forEach(w -> err.println("warning: " + w.message()));
        if (!(load instanceof ConfigLoad.Loaded loaded)) {
            ((ConfigLoad.Rejected) load).errors().forEach(e -> err.println("error: " + e.message()));
            err.println(file + ": rejected, nothing installed");
            return 1;
        }
        byte[] fresh;
        byte[] previous;
        try {
            fresh = Files.readAllBytes(file);
            previous = Files.exists(target) ? Files.readAllBytes(target) : null;
            if (previous != null) AtomicFile.replaceKeepingAttributes(target.resolveSibling(target.getFileName() + ".previous"), previous);
            AtomicFile.replaceKeepingAttributes(target, fresh);
        } catch (IOException e) {
            err.println("sipdesk: cannot install " + file + " as " + target + ": " + e.getMessage());
            return 1;
        }
        out.println("installed " + file + " as " + target + "; reloading");
        Answer reload = ask(socket, "reload");
        boolean wantsRegistration = loaded.config().account().enabled();
        String why;
        if (reload.code() != 0) {
            why = "the daemon refused it: " + reload.text().strip();
        } else if (!wantsRegistration) {
            out.println("applied (no account enabled: IP direct calls)");
            return 0;
        } else {
            String last = awaitRegistration(socket, timeout);
            if (last.startsWith("registration: registered")) {
                out.println("applied: " + last);
                return 0;
            }
            why = "the account did not register within " + timeout.toSeconds() + " s (" + last + ")";
        }
        return rollBack(target, previous, socket, why, out, err);
    }

    private static int rollBack(Path target, byte[] previous, Path socket, String why, PrintStream out, PrintStream err) {
        err.println("sipdesk: " + why);
        if (previous == null) {
            err.println("sipdesk: there was no previous file to put back; " + target + " stays as applied");
            return 1;
        }
        try {
            AtomicFile.replaceKeepingAttributes(target, previous);
        } catch (IOException e) {
            err.println("sipdesk: could not put the previous file back: " + e.getMessage()
                    + " (a copy is in " + target + ".previous)");
            return 1;
        }
        Answer again = ask(socket, "reload");
        err.println("rolled back: the previous " + target + " is in place again"
                + (again.code() == 0 ? " and reloaded" : " (reload failed: " + again.text().strip() + ")"));
        return 1;
    }

    /** The status line about registration once it says registered, or the last one seen at the timeout. */
    private static String awaitRegistration(Path socket, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        String last = "no answer from the daemon";
        while (true) {
            Answer status = ask(socket, "status");
            for (String line : status.text().split("\n")) {
                if (line.startsWith("registration: ")) last = line.strip();
            }
            if (last.startsWith("registration: registered") || !Instant.now().isBefore(end)) return last;
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
        }
    }

    private record Answer(int code, String text) {}

    private static Answer ask(Path socket, String command) {
        var out = new ByteArrayOutputStream();
        var ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = ControlClient.run(socket, List.of(command), ps, ps);
        return new Answer(code, out.toString(StandardCharsets.UTF_8));
    }
}
