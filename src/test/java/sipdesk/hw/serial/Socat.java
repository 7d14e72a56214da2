package sipdesk.hw.serial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pseudo-terminal pair made by {@code socat -d -d pty,raw,echo=0 pty,raw,echo=0}: a serial line
 * with both ends on this machine. The two /dev/pts paths are read from socat's log (stderr) with a
 * bounded wait; {@link #close} stops socat by its PID.
 */
final class Socat implements AutoCloseable {
    private static final Pattern PTY = Pattern.compile("PTY is (/dev/pts/\\d+)");

    private final Process process;
    final List<String> ptys;

    private Socat(Process process, List<String> ptys) {
        this.process = process;
        this.ptys = ptys;
    }

    /** @param links optional stable names for the two ends (socat's link=), or null */
    static Socat start(Path log, Path[] links) throws IOException, InterruptedException {
        String a = "pty,raw,echo=0" + (links == null ? "" : ",link=" + links[0]);
        String b = "pty,raw,echo=0" + (links == null ? "" : ",link=" + links[1]);
        Process p = new ProcessBuilder("socat", "-d", "-d", a, b)
                .redirectErrorStream(false)
                .redirectError(log.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            List<String> found = new ArrayList<>();
            Matcher m = PTY.matcher(text);
            while (m.find()) found.add(m.group(1));
            if (found.size() == 2 && text.contains("starting data transfer loop")) return new Socat(p, List.copyOf(found));
            if (!p.isAlive()) break;
            Thread.sleep(20);
        }
        p.destroyForcibly();
        throw new IOException("socat did not report two PTYs within 5 s: " + (Files.exists(log) ? Files.readString(log) : ""));
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
