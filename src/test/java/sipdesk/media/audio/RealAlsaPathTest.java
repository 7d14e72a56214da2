package sipdesk.media.audio;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.media.tone.Goertzel;

/**
 * The real javax.sound -> ALSA path without a sound card (LIBRARIES.md "Audio"): a JVM whose HOME
 * holds an {@code .asoundrc} that turns ALSA's default device into a raw file. Skipped, saying why,
 * where the JVM sees no ALSA at all.
 */
class RealAlsaPathTest {

    @TempDir
    Path home;

    @Test
    void speakerChosenByNameReallyPlaysThroughAlsa() throws Exception {
        Path raw = home.resolve("out.raw");
        Files.writeString(home.resolve(".asoundrc"),
                "pcm.!default { type file; slave.pcm \"null\"; file \"" + raw + "\"; format \"raw\" }\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = Path.of("target/classes").toAbsolutePath() + File.pathSeparator
                + Path.of("target/test-classes").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", classpath, AlsaPlaybackProbe.class.getName(), "default")
                .redirectError(ProcessBuilder.Redirect.INHERIT); // stdout carries the result, stderr the log
        pb.environment().put("HOME", home.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe JVM did not finish");
        String output = new String(p.getInputStream().readAllBytes()).strip();
        assumeTrue(output.startsWith("rate "), "no ALSA default device visible to javax.sound here: " + output);
        int rate = Integer.parseInt(output.split(" ")[1]);
        byte[] bytes = Files.readAllBytes(raw);
        // 1 s played after the frame of silence the earpiece keeps ahead; closing drops what was
        // still in the 40 ms line buffer.
        assertTrue(bytes.length >= rate * 2 * 0.9 && bytes.length <= rate * 2 + rate / 50 * 2, output + ": " + bytes.length + " bytes");
        short[] samples = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        int block = rate / 10;
        double share = new Goertzel(1000, rate).power(samples, block, block) / Goertzel.meanSquare(samples, block, block);
        assertTrue(share > 0.95, "1 kHz share " + share);
    }
}
