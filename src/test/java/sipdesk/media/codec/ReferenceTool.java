package sipdesk.media.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs ffmpeg or sox, the references our codecs are compared with, as bounded subprocesses. */
enum ReferenceTool {
    FFMPEG("ffmpeg", "-version", List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y")),
    SOX("sox", "--version", List.of("sox", "-D", "-V1"));

    private static final long TIMEOUT_SECONDS = 60;

    private final String name;
    private final String versionFlag;
    private final List<String> prefix;

    ReferenceTool(String name, String versionFlag, List<String> prefix) {
        this.name = name;
        this.versionFlag = versionFlag;
        this.prefix = prefix;
    }

    void assumeInstalled() {
        boolean found = false;
        try {
            Process process = new ProcessBuilder(name, versionFlag).redirectErrorStream(true).start();
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            found = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            found = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assumeTrue(found, name + " is not installed (apt-get install " + name + "): the codec reference tests are skipped");
    }

    /** Runs the tool (quiet, no dither for sox) with {@code args} in {@code workDir}; fails the test on error. */
    void run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(args));
        Path log = workDir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        assertTrue(finished, name + " did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        assertEquals(0, process.exitValue(), () -> command + " failed: " + read(log));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    static void writePcm(Path file, short[] samples) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short sample : samples) {
            buffer.putShort(sample);
        }
        Files.write(file, buffer.array());
    }

    static short[] readPcm(Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        short[] samples = new short[buffer.remaining() / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = buffer.getShort();
        }
        return samples;
    }
}
