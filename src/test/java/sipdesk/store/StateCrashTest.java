package sipdesk.store;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.core.SavedState;

/**
 * Power cuts and crashes during saves: a child JVM saves in a loop and is killed with SIGKILL at a
 * random moment, many times. Every time, what loads is a whole state, the last one acknowledged
 * or the one being written, never a mix, never nothing.
 */
class StateCrashTest {
    private static final int ROUNDS = 15;

    @Test
    void sigkillDuringSavesNeverCorruptsOrLosesTheState(@TempDir Path dir) throws Exception {
        Random random = new Random(4242);
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classpath = System.getProperty("java.class.path");
        int lastAcknowledged = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Process p = new ProcessBuilder(java, "-cp", classpath, StateWriterProcess.class.getName(), dir.toString())
                    .redirectErrorStream(true).start();
            try {
                var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                int wanted = 1 + random.nextInt(40);
                int seen = 0;
                String line;
                while (seen < wanted && (line = out.readLine()) != null) {
                    if (line.startsWith("saved ")) {
                        lastAcknowledged = Integer.parseInt(line.substring(6));
                        seen++;
                    }
                }
                assertEquals(wanted, seen, "the writer stopped early");
                p.toHandle().destroyForcibly(); // SIGKILL mid-save; the handle keeps our pipe open
                assertTrue(p.waitFor(30, TimeUnit.SECONDS), "writer did not die");
                // What it acknowledged after we stopped reading is still in the pipe.
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("saved ")) lastAcknowledged = Integer.parseInt(line.substring(6));
                }
            } finally {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
            SavedState loaded = FileStateStore.open(dir).load();
            assertNotEquals(SavedState.EMPTY, loaded, "round " + round + ": state lost");
            int n = Integer.parseInt(loaded.lastDialled());
            assertTrue(n == lastAcknowledged || n == lastAcknowledged + 1,
                    "round " + round + ": loaded " + n + " after acknowledging " + lastAcknowledged);
            assertEquals(Integer.toString(n), loaded.history().get(0).peer().number(), "history and redial agree");
            assertEquals(Math.min(n, SavedState.HISTORY_LIMIT), loaded.history().size());
            lastAcknowledged = n;
            try (var files = Files.list(dir)) {
                List<String> names = files.map(f -> f.getFileName().toString()).toList();
                assertTrue(names.stream().noneMatch(f -> f.contains(".bad-")), "no file was set aside as damaged: " + names);
            }
        }
    }
}
