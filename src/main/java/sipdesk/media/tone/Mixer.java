package sipdesk.media.tone;

/**
 * Sums several sources into one frame, e.g. the call-waiting beep over the far end's voice. Sums are
 * kept in an int accumulator and saturated once at the end, so a loud sum clips at full scale instead
 * of wrapping round to the opposite sign. The accumulator is sized once; nothing is allocated per frame.
 * Use: {@link #begin}, one {@link #add} per source, {@link #finish}. Not thread-safe.
 */
public final class Mixer {

    private final int[] accumulator;
    private int samples;

    public Mixer(int maxFrameSamples) {
        accumulator = new int[maxFrameSamples];
    }

    /** Starts a frame of {@code samples} samples, all zero. */
    public void begin(int samples) {
        if (samples > accumulator.length) {
            throw new IllegalArgumentException(samples + " samples, mixer sized for " + accumulator.length);
        }
        this.samples = samples;
        java.util.Arrays.fill(accumulator, 0, samples, 0);
    }

    /** Adds a source at full level. */
    public void add(short[] source, int offset) {
        for (int i = 0; i < samples; i++) {
            accumulator[i] += source[offset + i];
        }
    }

    /** Adds a source scaled by {@code gainQ15} / 32768 (32768 = unity, 16384 = -6 dB). */
    public void add(short[] source, int offset, int gainQ15) {
        for (int i = 0; i < samples; i++) {
            accumulator[i] += (source[offset + i] * gainQ15) >> 15;
        }
    }

    /** Writes the saturated sum. */
    public void finish(short[] out, int offset) {
        for (int i = 0; i < samples; i++) {
            out[offset + i] = saturate(accumulator[i]);
        }
    }

    /** Adds {@code source} into {@code target} in place, saturating: the two-source case in one call. */
    public static void mixInto(short[] target, int targetOffset, short[] source, int sourceOffset, int samples) {
        for (int i = 0; i < samples; i++) {
            target[targetOffset + i] = saturate(target[targetOffset + i] + source[sourceOffset + i]);
        }
    }

    private static short saturate(int value) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value));
    }
}
