package sipdesk.testing.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A peer program (kamailio, sipp, baresip) run as a child process with its output in a file.
 * Stopped by PID in {@link #close()}; a shutdown hook is the safety net if a test forgets.
 */
public class PeerProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path output;
    private final Thread hook;

    protected PeerProcess(String name, List<String> command, Path dir) throws IOException {
        this.name = name;
        this.output = dir.resolve(name + ".out");
        this.process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        long pid = process.pid();
        this.hook = new Thread(() -> ProcessHandle.of(pid).ifPresent(h -> {
            h.descendants().forEach(ProcessHandle::destroyForcibly);
            h.destroyForcibly();
        }));
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public long pid() {
        return process.pid();
    }

    public String output() {
        try {
            return Files.exists(output) ? Files.readString(output) : "";
        } catch (IOException e) {
            return "<" + e + ">";
        }
    }

    /** Polls {@code ready} every 50 ms until true; fails (with the output) if the process dies or time runs out. */
    protected void awaitReady(BooleanSupplier ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready.getAsBoolean()) return;
            if (!process.isAlive()) throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + output());
            try {
                Thread.sleep(50); // polling interval, not a fixed wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " not ready within " + timeout + ":\n" + output());
    }

    /** Waits for the process to end by itself; its exit code, or throws when it is still running. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS))
                throw new IllegalStateException(name + " still running after " + timeout + ":\n" + output());
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * SIGTERM, then SIGKILL after 5 s. kamailio's worker processes ignore SIGTERM and outlive a
     * killed main process (re-parented to init), so every descendant known before the stop is
     * killed too if it is still there afterwards.
     */
    @Override
    public void close() {
        ProcessHandle.of(process.pid()).ifPresent(h -> {
            List<ProcessHandle> children = h.descendants().toList();
            h.destroy();
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
            for (ProcessHandle child : children) {
                if (!child.isAlive()) continue;
                try {
                    child.onExit().get(2, TimeUnit.SECONDS);
                } catch (Exception e) {
                    child.destroyForcibly();
                }
            }
        });
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }
}
