package sipdesk.media.audio;

/**
 * Converts 20 ms frames between two sample rates (8000, 16000, 32000, 44100, 48000: any multiple of 50),
 * by linear interpolation, with a moving-average pre-filter when going down so that what lies above the
 * new Nyquist frequency folds back less. Each frame in gives exactly one frame out: output sample j
 * sits at input position j * in / out - 1 (one input sample of delay), so everything it needs is in
 * this frame or the last sample of the previous one, and the phase never drifts. Allocation-free after
 * construction; not thread-safe (one per stream direction).
 */
public final class Resampler {

    private final int inSamples;
    private final int outSamples;
    private final int averaging;
    private final short[] filtered;
    private final int[] history;
    private int historyAt;
    private int historySum;
    private short last;

    public Resampler(int inRate, int outRate) {
        if (inRate <= 0 || outRate <= 0 || inRate % 50 != 0 || outRate % 50 != 0) {
            throw new IllegalArgumentException("rates " + inRate + " -> " + outRate + ": multiples of 50 Hz expected");
        }
        this.inSamples = inRate / 50;
        this.outSamples = outRate / 50;
        this.averaging = inRate > outRate ? Math.max(1, Math.round((float) inRate / outRate)) : 1;
        this.filtered = new short[inSamples];
        this.history = new int[averaging];
    }

    public int inSamples() {
        return inSamples;
    }

    public int outSamples() {
        return outSamples;
    }

    /** Reads {@link #inSamples()} samples and writes {@link #outSamples()}. */
    public void frame(short[] in, int inOffset, short[] out, int outOffset) {
        if (inSamples == outSamples) {
            System.arraycopy(in, inOffset, out, outOffset, inSamples);
            return;
        }
        short[] source = in;
        int base = inOffset;
        if (averaging > 1) {
            prefilter(in, inOffset);
            source = filtered;
            base = 0;
        }
        for (int j = 0; j < outSamples; j++) {
            int position = j * inSamples;
            int i = position / outSamples - 1;
            int fraction = position % outSamples;
            int a = i < 0 ? last : source[base + i];
            int b = source[base + i + 1];
            out[outOffset + j] = (short) (a + (b - a) * fraction / outSamples);
        }
        last = source[base + inSamples - 1];
    }

    private void prefilter(short[] in, int inOffset) {
        for (int i = 0; i < inSamples; i++) {
            int x = in[inOffset + i];
            historySum += x - history[historyAt];
            history[historyAt] = x;
            historyAt = historyAt + 1 == averaging ? 0 : historyAt + 1;
            filtered[i] = (short) (historySum / averaging);
        }
    }
}
