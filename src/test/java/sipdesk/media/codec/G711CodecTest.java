package sipdesk.media.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * G.711 against the references. sox (without dither) encodes with the standard's decision values;
 * ffmpeg's encoder puts the decision values at the midpoints between output values, which differs
 * from table 1a/2a next to each segment edge, so ffmpeg is only used for decoding and as a
 * near-agreement check of the encoder.
 */
class G711CodecTest {

    @TempDir
    Path dir;

    private static short[] every16BitValue() {
        short[] all = new short[65536];
        for (int i = 0; i < all.length; i++) {
            all[i] = (short) (i - 32768);
        }
        return all;
    }

    private static byte[] every8BitCode() {
        byte[] codes = new byte[256];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) i;
        }
        return codes;
    }

    private static byte[] encode(AudioCodec codec, short[] pcm) {
        byte[] ours = new byte[pcm.length];
        assertEquals(pcm.length, codec.encode(pcm, 0, pcm.length, ours, 0));
        return ours;
    }

    private byte[] encodedBySox(String encoding, short[] pcm) throws Exception {
        ReferenceTool.SOX.assumeInstalled();
        ReferenceTool.writePcm(dir.resolve("in.raw"), pcm);
        ReferenceTool.SOX.run(dir, "-t", "raw", "-r", "8000", "-e", "signed", "-b", "16", "-c", "1", "in.raw",
                "-t", "raw", "-e", encoding, "-b", "8", "out.bin");
        return Files.readAllBytes(dir.resolve("out.bin"));
    }

    private byte[] encodedByFfmpeg(String format, short[] pcm) throws Exception {
        ReferenceTool.FFMPEG.assumeInstalled();
        ReferenceTool.writePcm(dir.resolve("in.raw"), pcm);
        ReferenceTool.FFMPEG.run(dir, "-f", "s16le", "-ar", "8000", "-ac", "1", "-i", "in.raw", "-f", format, "out.bin");
        return Files.readAllBytes(dir.resolve("out.bin"));
    }

    private short[] decodedBySox(String encoding) throws Exception {
        ReferenceTool.SOX.assumeInstalled();
        Files.write(dir.resolve("in.bin"), every8BitCode());
        ReferenceTool.SOX.run(dir, "-t", "raw", "-r", "8000", "-e", encoding, "-b", "8", "-c", "1", "in.bin",
                "-t", "raw", "-e", "signed", "-b", "16", "out.raw");
        return ReferenceTool.readPcm(dir.resolve("out.raw"));
    }

    private short[] decodedByFfmpeg(String format) throws Exception {
        ReferenceTool.FFMPEG.assumeInstalled();
        Files.write(dir.resolve("in.bin"), every8BitCode());
        ReferenceTool.FFMPEG.run(dir, "-f", format, "-ar", "8000", "-ac", "1", "-i", "in.bin", "-f", "s16le", "out.raw");
        return ReferenceTool.readPcm(dir.resolve("out.raw"));
    }

    private static short[] decodeEveryCode(AudioCodec codec) {
        short[] ours = new short[256];
        assertEquals(256, codec.decode(every8BitCode(), 0, 256, ours, 0));
        return ours;
    }

    @Test
    void muLawEncodesEvery16BitValueLikeSox() throws Exception {
        assertArrayEquals(encodedBySox("mu-law", every16BitValue()), encode(G711Codec.pcmu(), every16BitValue()));
    }

    @Test
    void aLawEncodesEvery16BitValueLikeSox() throws Exception {
        assertArrayEquals(encodedBySox("a-law", every16BitValue()), encode(G711Codec.pcma(), every16BitValue()));
    }

    @Test
    void muLawEncodesASweepLikeSox() throws Exception {
        short[] sweep = TestSignals.sweep(8000, 50, 3900, 30000, 16000);
        assertArrayEquals(encodedBySox("mu-law", sweep), encode(G711Codec.pcmu(), sweep));
    }

    @Test
    void aLawEncodesASweepLikeSox() throws Exception {
        short[] sweep = TestSignals.sweep(8000, 50, 3900, 30000, 16000);
        assertArrayEquals(encodedBySox("a-law", sweep), encode(G711Codec.pcma(), sweep));
    }

    @Test
    void muLawDecodesEveryCodeLikeSoxAndFfmpeg() throws Exception {
        short[] ours = decodeEveryCode(G711Codec.pcmu());
        assertArrayEquals(decodedBySox("mu-law"), ours);
        assertArrayEquals(decodedByFfmpeg("mulaw"), ours);
    }

    @Test
    void aLawDecodesEveryCodeLikeSoxAndFfmpeg() throws Exception {
        short[] ours = decodeEveryCode(G711Codec.pcma());
        assertArrayEquals(decodedBySox("a-law"), ours);
        assertArrayEquals(decodedByFfmpeg("alaw"), ours);
    }

    @Test
    void ffmpegsEncoderDiffersOnlyByOneStepAtDecisionEdges() throws Exception {
        for (String format : new String[] {"mulaw", "alaw"}) {
            AudioCodec codec = format.equals("mulaw") ? G711Codec.pcmu() : G711Codec.pcma();
            short[] all = every16BitValue();
            byte[] ours = encode(codec, all);
            byte[] theirs = encodedByFfmpeg(format, all);
            short[] decodedOurs = new short[all.length];
            short[] decodedTheirs = new short[all.length];
            codec.decode(ours, 0, all.length, decodedOurs, 0);
            codec.reset();
            codec.decode(theirs, 0, all.length, decodedTheirs, 0);
            int differing = 0;
            for (int i = 0; i < all.length; i++) {
                if (ours[i] != theirs[i]) {
                    differing++;
                    // Both choices must be neighbouring output levels around the input.
                    int low = Math.min(decodedOurs[i], decodedTheirs[i]);
                    int high = Math.max(decodedOurs[i], decodedTheirs[i]);
                    assertTrue(low <= all[i] + 8 && all[i] - 8 <= high, format + " at " + all[i]);
                }
            }
            assertTrue(differing < all.length / 20, format + ": " + differing + " values differ");
        }
    }

    @Test
    void muLawTableEndpointsAreTheStandardOnes() {
        // G.711 table 2a: code 0x80 is +8031 and 0x00 is -8031 in 14-bit units (x4 in 16-bit).
        assertEquals(32124, G711.ulawToLinear((byte) 0x80));
        assertEquals(-32124, G711.ulawToLinear((byte) 0x00));
        assertEquals(0, G711.ulawToLinear((byte) 0xFF));
    }

    @Test
    void aLawTableEndpointsAreTheStandardOnes() {
        // G.711 table 1a: the largest magnitude is 4032 in 13-bit units (x8), the smallest 1 (x8).
        assertEquals(32256, G711.alawToLinear((byte) 0xAA));
        assertEquals(-32256, G711.alawToLinear((byte) 0x2A));
        assertEquals(8, G711.alawToLinear((byte) 0xD5));
    }
}
