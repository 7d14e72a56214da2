package sipdesk.media.codec;

/**
 * The transmit and receive QMF of G.722 (ITU-T G.722 sections 3.3 and 4.4, coefficients h0..h23 of
 * table 13): a 24-tap delay line fed a pair of samples at a time, run over a block of pairs.
 *
 * <p>The block's samples are appended after the last 22 samples of the previous block, and each
 * pair's window is read where it lies; only those 22 are moved back at the end of the block.
 */
final class G722Qmf {

    /** The most sample pairs in one block: a 20 ms frame. */
    static final int MAX_PAIRS = 160;
    private static final int HISTORY = 22;

    /** line[0..22) the previous block's last samples, then the block's; oldest first. */
    private final int[] line = new int[HISTORY + 2 * MAX_PAIRS];

    void reset() {
        java.util.Arrays.fill(line, 0, HISTORY, 0);
    }

    /**
     * Transmit QMF: splits {@code 2 * pairs} samples of {@code pcm} into the lower and higher sub-band
     * inputs xL and xH, one of each per pair.
     */
    void analyse(short[] pcm, int offset, int pairs, int[] lower, int[] higher) {
        int[] x = line;
        for (int i = 0; i < 2 * pairs; i++) {
            x[HISTORY + i] = pcm[offset + i];
        }
        filter(pairs, lower, higher);
        for (int j = 0; j < pairs; j++) {
            int even = lower[j];
            int odd = higher[j];
            lower[j] = (odd + even) >> 14;
            higher[j] = (odd - even) >> 14;
        }
    }

    /**
     * Receive QMF: combines the decoded sub-band signals rL and rH ({@code pairs} of each, used as
     * scratch afterwards) into {@code 2 * pairs} samples of {@code out}.
     */
    void synthesise(int[] lower, int[] higher, int pairs, short[] out, int offset) {
        int[] x = line;
        for (int j = 0; j < pairs; j++) {
            x[HISTORY + 2 * j] = lower[j] + higher[j];
            x[HISTORY + 2 * j + 1] = lower[j] - higher[j];
        }
        filter(pairs, lower, higher);
        for (int j = 0; j < pairs; j++) {
            out[offset + 2 * j] = (short) G722Band.saturate(higher[j] >> 11);
            out[offset + 2 * j + 1] = (short) G722Band.saturate(lower[j] >> 11);
        }
    }

    /**
     * For each pair's window (the 24 samples up to and including the pair), the sum of its even taps
     * x(2i) * h(2i) and of its odd taps x(2i + 1) * h(2i + 1), x(0) the oldest sample; then keeps the
     * last 22 samples for the next block.
     */
    private void filter(int pairs, int[] evenSums, int[] oddSums) {
        int[] x = line;
        for (int j = 0; j < pairs; j++) {
            int s = 2 * j;
            evenSums[j] = 3 * x[s] - 11 * x[s + 2] + 12 * x[s + 4] + 32 * x[s + 6] - 210 * x[s + 8]
                    + 951 * x[s + 10] + 3876 * x[s + 12] - 805 * x[s + 14] + 362 * x[s + 16]
                    - 156 * x[s + 18] + 53 * x[s + 20] - 11 * x[s + 22];
            oddSums[j] = -11 * x[s + 1] + 53 * x[s + 3] - 156 * x[s + 5] + 362 * x[s + 7] - 805 * x[s + 9]
                    + 3876 * x[s + 11] + 951 * x[s + 13] - 210 * x[s + 15] + 32 * x[s + 17]
                    + 12 * x[s + 19] - 11 * x[s + 21] + 3 * x[s + 23];
        }
        System.arraycopy(x, 2 * pairs, x, 0, HISTORY);
    }
}
