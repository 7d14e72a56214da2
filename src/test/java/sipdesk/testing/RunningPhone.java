package sipdesk.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import sipdesk.control.ControlClient;
import sipdesk.daemon.PhoneDaemon;
import sipdesk.daemon.RunOptions;
import sipdesk.sim.SimulatedAudio;
import sipdesk.sim.TerminalPanel;

/**
 * The whole daemon in the test's JVM, started from a config file with the simulator's front panel,
 * and driven like an admin over SSH: through its control socket.
 */
public final class RunningPhone implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(20);

    public final PhoneDaemon daemon;
    public final Path socket;

    private RunningPhone(PhoneDaemon daemon, Path socket) {
        this.daemon = daemon;
        this.socket = socket;
    }

    /** Starts the phone on {@code config} with its state and control socket under {@code dir}. */
    public static RunningPhone start(Path config, Path dir, String network) throws IOException {
        Path socket = dir.resolve("control.sock");
        var options = new RunOptions(config, "sim", Optional.of("-"), Optional.of(dir.resolve("state")), Optional.of(socket), network);
        var panel = new TerminalPanel(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
        PhoneDaemon daemon = PhoneDaemon.start(options, "sim", (sink, cfg) ->
                new PhoneDaemon.FrontPanel(panel, Optional.of(new SimulatedAudio(panel::audio)), () -> {}));
        return new RunningPhone(daemon, socket);
    }

    /** Runs a CLI command; the answer is the exit code, a space, then what it printed. */
    public String cli(String... words) {
        var out = new ByteArrayOutputStream();
        var ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = ControlClient.run(socket, List.of(words), ps, ps);
        return code + " " + out.toString(StandardCharsets.UTF_8);
    }

    /** Polls {@code status} (bounded) until it shows {@code text}; returns that status. */
    public String awaitStatus(String text) throws InterruptedException {
        Instant end = Instant.now().plus(WAIT);
        String s = cli("status");
        while (!s.contains(text) && Instant.now().isBefore(end)) {
            Thread.sleep(50);
            s = cli("status");
        }
        assertTrue(s.contains(text), "status never showed '" + text + "':\n" + s);
        return s;
    }

    @Override
    public void close() {
        daemon.close();
    }
}
