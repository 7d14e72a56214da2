package sipdesk.media.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The unrolled QMF taps against table 13, in blocks of every size up to a frame (so across the
 * history kept between blocks) and after a reset.
 */
class G722QmfTest {

    private final Random random = new Random(13);
    private final G722Qmf qmf = new G722Qmf();
    /** The reference delay line: the last 24 samples, oldest first. */
    private final int[] window = new int[24];
    private final int[] lower = new int[G722Qmf.MAX_PAIRS];
    private final int[] higher = new int[G722Qmf.MAX_PAIRS];

    private interface BlockCheck {
        void check(int block, int pairs);
    }

    /** Runs 400 blocks of random sizes, resetting the filter and the reference after 300. */
    private void forEachBlock(BlockCheck check) {
        for (int block = 0; block < 400; block++) {
            if (block == 300) {
                qmf.reset();
                java.util.Arrays.fill(window, 0);
            }
            check.check(block, 1 + random.nextInt(G722Qmf.MAX_PAIRS));
        }
    }

    @Test
    void analysisMatchesTheCoefficientTable() {
        forEachBlock((block, pairs) -> {
            short[] pcm = new short[2 * pairs + 1];
            for (int i = 0; i < pcm.length; i++) {
                pcm[i] = (short) extreme(-32768, 32767);
            }
            qmf.analyse(pcm, 1, pairs, lower, higher);
            for (int j = 0; j < pairs; j++) {
                int[] sums = push(pcm[1 + 2 * j], pcm[2 + 2 * j]);
                assertEquals((sums[1] + sums[0]) >> 14, lower[j], "xL at block " + block + " pair " + j);
                assertEquals((sums[1] - sums[0]) >> 14, higher[j], "xH at block " + block + " pair " + j);
            }
        });
    }

    @Test
    void synthesisMatchesTheCoefficientTable() {
        forEachBlock((block, pairs) -> {
            int[] rl = new int[pairs];
            int[] rh = new int[pairs];
            for (int j = 0; j < pairs; j++) {
                // The decoder's sub-band signals are limited to -16384..16383.
                rl[j] = lower[j] = extreme(-16384, 16383);
                rh[j] = higher[j] = extreme(-16384, 16383);
            }
            short[] out = new short[2 * pairs + 1];
            qmf.synthesise(lower, higher, pairs, out, 1);
            for (int j = 0; j < pairs; j++) {
                int[] sums = push(rl[j] + rh[j], rl[j] - rh[j]);
                assertEquals(G722Band.saturate(sums[1] >> 11), out[1 + 2 * j], "block " + block + " pair " + j);
                assertEquals(G722Band.saturate(sums[0] >> 11), out[2 + 2 * j], "block " + block + " pair " + j);
            }
        });
    }

    /** Shifts a pair into the reference window; returns its even and odd tap sums. */
    private int[] push(int older, int newer) {
        System.arraycopy(window, 2, window, 0, 22);
        window[22] = older;
        window[23] = newer;
        int even = 0;
        int odd = 0;
        for (int k = 0; k < 24; k += 2) {
            even += window[k] * G722Tables.QMF[k];
            odd += window[k + 1] * G722Tables.QMF[k + 1];
        }
        return new int[] {even, odd};
    }

    /** Mostly ordinary values, some at the limits. */
    private int extreme(int min, int max) {
        return switch (random.nextInt(4)) {
            case 0 -> min;
            case 1 -> max;
            default -> min + random.nextInt(max - min + 1);
        };
    }
}
