package sipdesk.media.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class G722CodecTest {

    private static final int RATE = 16000;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsFfmpeg() {
        ReferenceTool.FFMPEG.assumeInstalled();
    }

    /** Encodes with ffmpeg and with us, byte for byte; then decodes those bytes with both. */
    private void matchesFfmpeg(short[] pcm) throws Exception {
        ReferenceTool.writePcm(dir.resolve("in.raw"), pcm);
        ReferenceTool.FFMPEG.run(dir, "-f", "s16le", "-ar", "16000", "-ac", "1", "-i", "in.raw",
                "-c:a", "g722", "-f", "g722", "out.g722");
        byte[] reference = Files.readAllBytes(dir.resolve("out.g722"));

        G722Codec codec = new G722Codec();
        byte[] ours = new byte[pcm.length / 2];
        // Encode in 20 ms frames, as the phone does, to exercise state carried across calls.
        for (int at = 0; at < pcm.length; at += 320) {
            codec.encode(pcm, at, Math.min(320, pcm.length - at), ours, at / 2);
        }
        assertArrayEquals(reference, ours, "encoded bytes differ from ffmpeg's");
        // And the whole signal in one call, which the encoder takes in blocks of a frame.
        byte[] inOneCall = new byte[pcm.length / 2];
        new G722Codec().encode(pcm, 0, pcm.length, inOneCall, 0);
        assertArrayEquals(reference, inOneCall, "encoded in one call, bytes differ from ffmpeg's");

        ReferenceTool.FFMPEG.run(dir, "-f", "g722", "-i", "out.g722", "-f", "s16le", "-ac", "1", "-ar", "16000", "dec.raw");
        short[] decodedByFfmpeg = ReferenceTool.readPcm(dir.resolve("dec.raw"));
        short[] decoded = new short[reference.length * 2];
        for (int at = 0; at < reference.length; at += 160) {
            codec.decode(reference, at, Math.min(160, reference.length - at), decoded, at * 2);
        }
        assertArrayEquals(decodedByFfmpeg, decoded, "decoded samples differ from ffmpeg's");
    }

    @Test
    void silenceMatchesFfmpeg() throws Exception {
        matchesFfmpeg(new short[RATE]);
    }

    @Test
    void tonesMatchFfmpeg() throws Exception {
        matchesFfmpeg(TestSignals.concat(
                TestSignals.tone(RATE, 440, 8000, RATE / 2),
                TestSignals.tone(RATE, 1000, 16000, RATE / 2),
                TestSignals.tone(RATE, 6500, 12000, RATE / 2)));
    }

    @Test
    void sweepMatchesFfmpeg() throws Exception {
        matchesFfmpeg(TestSignals.sweep(RATE, 50, 7900, 20000, 2 * RATE));
    }

    @Test
    void noiseMatchesFfmpeg() throws Exception {
        matchesFfmpeg(TestSignals.concat(
                TestSignals.noise(722, 32767, RATE), TestSignals.noise(9, 300, RATE / 2)));
    }

    @Test
    void fullScaleClippingMatchesFfmpeg() throws Exception {
        matchesFfmpeg(TestSignals.concat(
                TestSignals.clipped(RATE, 200, RATE / 2), TestSignals.clipped(RATE, 3100, RATE / 2)));
    }

    @Test
    void everyCodeSequenceDecodesLikeFfmpeg() throws Exception {
        byte[] codes = new byte[256 * 64];
        java.util.Random random = new java.util.Random(256);
        for (int i = 0; i < codes.length; i++) {
            codes[i] = i < 256 * 8 ? (byte) (i % 256) : (byte) random.nextInt(256);
        }
        Files.write(dir.resolve("in.g722"), codes);
        ReferenceTool.FFMPEG.run(dir, "-f", "g722", "-i", "in.g722", "-f", "s16le", "-ac", "1", "-ar", "16000", "dec.raw");
        short[] decoded = new short[codes.length * 2];
        assertEquals(decoded.length, new G722Codec().decode(codes, 0, codes.length, decoded, 0));
        assertArrayEquals(ReferenceTool.readPcm(dir.resolve("dec.raw")), decoded);
    }

    @Test
    void describesItselfAsRfc3551Says() {
        G722Codec codec = new G722Codec();
        assertEquals("G722", codec.encodingName());
        assertEquals(9, codec.payloadType());
        assertEquals(8000, codec.clockRate());
        assertEquals(16000, codec.sampleRate());
        assertEquals(320, codec.samplesPerFrame());
        assertEquals(160, codec.payloadBytes(320));
        assertEquals(160, codec.rtpTicks(320));
    }
}
