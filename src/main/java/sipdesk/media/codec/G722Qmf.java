package sipdesk.media.codec;

/**
 * The 24-tap delay line of the G.722 transmit and receive QMF (ITU-T G.722 sections 3.3 and 4.4,
 * coefficients h0..h23 of table 13), fed a pair of samples at a time.
 *
 * <p>Pairs are appended to a long buffer and the window is read where it lies; only when the buffer
 * is full are the newest 22 samples moved back to its start, instead of shifting all of them on
 * every pair.
 */
final class G722Qmf {

    private static final int TAPS = 24;

    private final int[] line = new int[512];
    /** The window is line[end - 24 .. end - 1], oldest first. */
    private int end = TAPS;

    void reset() {
        java.util.Arrays.fill(line, 0, TAPS, 0);
        end = TAPS;
    }

    /** Appends two samples, {@code older} first. */
    void push(int older, int newer) {
        if (end == line.length) {
            System.arraycopy(line, end - (TAPS - 2), line, 0, TAPS - 2);
            end = TAPS - 2;
        }
        line[end] = older;
        line[end + 1] = newer;
        end += 2;
    }

    /** The window's even taps: the sum of x(2i) * h(2i), x(0) the oldest sample. */
    int evenSum() {
        int[] x = line;
        int s = end - TAPS;
        return 3 * x[s] - 11 * x[s + 2] + 12 * x[s + 4] + 32 * x[s + 6] - 210 * x[s + 8]
                + 951 * x[s + 10] + 3876 * x[s + 12] - 805 * x[s + 14] + 362 * x[s + 16]
                - 156 * x[s + 18] + 53 * x[s + 20] - 11 * x[s + 22];
    }

    /** The window's odd taps: the sum of x(2i + 1) * h(2i + 1). */
    int oddSum() {
        int[] x = line;
        int s = end - TAPS + 1;
        return -11 * x[s] + 53 * x[s + 2] - 156 * x[s + 4] + 362 * x[s + 6] - 805 * x[s + 8]
                + 3876 * x[s + 10] + 951 * x[s + 12] - 210 * x[s + 14] + 32 * x[s + 16]
                + 12 * x[s + 18] - 11 * x[s + 20] + 3 * x[s + 22];
    }
}
