package sipdesk.media.tone;

/**
 * The power of one frequency in a block of samples (Goertzel's recursion, evaluated at the exact
 * frequency rather than the nearest DFT bin). Used by the tests and by {@code sipdesk audio test} to
 * check what a line really plays. Allocates nothing per block.
 */
public final class Goertzel {

    /** Mean square of a full-scale sine: the 0 dBFS reference. */
    private static final double FULL_SCALE_SINE_MEAN_SQUARE = 32767.0 * 32767.0 / 2;

    private final double frequency;
    private final int sampleRate;
    private final double coefficient;
    private final double cosine;
    private final double sine;

    public Goertzel(double frequency, int sampleRate) {
        if (frequency < 0 || frequency > sampleRate / 2.0) {
            throw new IllegalArgumentException(frequency + " Hz is outside 0.." + sampleRate / 2 + " Hz");
        }
        this.frequency = frequency;
        this.sampleRate = sampleRate;
        double omega = 2 * Math.PI * frequency / sampleRate;
        this.cosine = Math.cos(omega);
        this.sine = Math.sin(omega);
        this.coefficient = 2 * cosine;
    }

    public double frequency() {
        return frequency;
    }

    public int sampleRate() {
        return sampleRate;
    }

    /**
     * The mean-square level of this frequency's component in the block, in squared sample units:
     * a sine of amplitude A at this frequency gives about A²/2, whatever the block length.
     */
    public double power(short[] block, int offset, int length) {
        double previous = 0;
        double beforePrevious = 0;
        for (int i = 0; i < length; i++) {
            double current = block[offset + i] + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        double real = previous - beforePrevious * cosine;
        double imaginary = beforePrevious * sine;
        double magnitudeSquared = real * real + imaginary * imaginary;
        return 2 * magnitudeSquared / ((double) length * length);
    }

    /** The mean square of all the samples in the block (the total power). */
    public static double meanSquare(short[] block, int offset, int length) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            double sample = block[offset + i];
            sum += sample * sample;
        }
        return length == 0 ? 0 : sum / length;
    }

    /** A mean-square level in dB relative to a full-scale sine (dBFS); -infinity for silence. */
    public static double dbfs(double meanSquare) {
        return 10 * Math.log10(meanSquare / FULL_SCALE_SINE_MEAN_SQUARE);
    }

    /**
     * Signal-to-noise ratio of a block meant to hold only the given frequencies: their power against
     * everything else, in dB. Blocks of several periods of each frequency give the most exact figure.
     */
    public static double snrDb(short[] block, int offset, int length, int sampleRate, double... frequencies) {
        double signal = 0;
        for (double f : frequencies) {
            signal += new Goertzel(f, sampleRate).power(block, offset, length);
        }
        double noise = Math.max(meanSquare(block, offset, length) - signal, 1e-9);
        return 10 * Math.log10(signal / noise);
    }
}
