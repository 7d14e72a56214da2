package sipdesk.daemon;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.control.ControlClient;
import sipdesk.core.SavedState;
import sipdesk.store.FileStateStore;

/**
 * A power cut or a crash of the daemon itself: the real daemon (a child JVM, headless as systemd
 * runs it) saves a new always-forward target for every CLI command and is killed with SIGKILL
 * while commands keep coming. What it acknowledged is never lost and the file is never damaged.
 */
class DaemonCrashTest {
    private static final int ROUNDS = 6;

    @Test
    void sigkillOfTheDaemonWhileItSavesKeepsEveryAcknowledgedChange(@TempDir Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classpath = System.getProperty("java.class.path");
        Path state = dir.resolve("state");
        Random random = new Random(7);
        int acknowledged = 0;
        int saves = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Path socket = dir.resolve("control-" + round + ".sock");
            Process daemon = new ProcessBuilder(java, "-cp", classpath, "sipdesk.Main", "run", "--hardware", "sim",
                    "--network", "sim", "--config", dir.resolve("none.cfg").toString(), "--state-dir", state.toString(),
                    "--socket", socket.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("daemon-" + round + ".log").toFile()).start();
            try {
                awaitAnswer(socket, Duration.ofSeconds(30));
                int commands = 3 + random.nextInt(25);
                for (int i = 0; i < commands; i++) {
                    int target = acknowledged + 1;
                    if (cli(socket, "forward", "always", Integer.toString(target)) != 0) break;
                    acknowledged = target;
                    saves++;
                }
                // Killed while the CLI's next command is on its way (it may or may not be saved).
                Thread.ofVirtual().start(() -> cli(socket, "forward", "always", "999999"));
                daemon.toHandle().destroyForcibly();
                assertTrue(daemon.waitFor(30, TimeUnit.SECONDS), "the daemon did not die");
            } finally {
                daemon.toHandle().destroyForcibly();
                daemon.waitFor(30, TimeUnit.SECONDS);
            }
            SavedState saved = FileStateStore.open(state).load();
            String target = saved.settings().always().target();
            String log = Files.readString(dir.resolve("daemon-" + round + ".log"));
            assertTrue(target.equals(Integer.toString(acknowledged)) || target.equals("999999"),
                    "round " + round + ": saved forward target '" + target + "', acknowledged " + acknowledged
                            + "; the daemon's log:\n" + log);
            if (target.equals("999999")) acknowledged = 0; // the next round counts on from what was saved
            assertTrue(saves > round, "the daemon acknowledged saves in every round (" + saves + " so far); its log:\n" + log);
            try (var files = Files.list(state)) {
                List<String> names = files.map(f -> f.getFileName().toString()).toList();
                assertTrue(names.stream().noneMatch(f -> f.contains(".bad-")), "nothing was set aside as damaged: " + names);
            }
        }
    }

    private static int cli(Path socket, String... words) {
        var sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return ControlClient.run(socket, List.of(words), sink, sink);
    }

    /** Waits (bounded) until the daemon answers {@code status} on its socket. */
    private static void awaitAnswer(Path socket, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (!Files.exists(socket) || cli(socket, "status") != 0) {
            if (Instant.now().isAfter(end)) throw new AssertionError("the daemon never answered on " + socket);
            Thread.sleep(20);
        }
    }
}
