package sipdesk.media.tone;

import java.util.List;

/**
 * Plays a {@link TonePattern} into 20 ms frames pulled by the device clock. The pattern is turned into
 * primitive arrays when it starts; {@link #fill} then only advances phase accumulators and the cadence
 * position, allocating nothing (STYLE.md rule 8). Phase runs on across frames and across elements, so
 * a steady tone has no seam at frame edges. Not thread-safe: owned by the playback thread.
 */
public final class ToneGenerator {

    /** Typical per-frequency level of call-progress tones (ITU-T E.180 allows -10 to -24 dBm0). */
    public static final double DEFAULT_LEVEL_DBM0 = -13;
    /** G.711: a full-scale sine is +3.17 dBm0 (the digital milliwatt is 3.17 dB below overload). */
    private static final double FULL_SCALE_SINE_DBM0 = 3.17;

    private final int sampleRate;
    private final double amplitude;
    private final double[][] phaseStep = new double[TonePattern.MAX_SEGMENTS][ToneSegment.MAX_FREQUENCIES];
    private final int[] frequencyCount = new int[TonePattern.MAX_SEGMENTS];
    private final int[] durationSamples = new int[TonePattern.MAX_SEGMENTS];
    private final boolean[] once = new boolean[TonePattern.MAX_SEGMENTS];
    private final double[] phase = new double[ToneSegment.MAX_FREQUENCIES];

    private int segmentCount;
    private int segment;
    private int samplesIntoSegment;
    private boolean firstPass;
    private boolean playing;

    /**
     * @param sampleRate 8000 or 16000
     * @param levelDbm0 level of each frequency of the tone
     */
    public ToneGenerator(int sampleRate, double levelDbm0) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate " + sampleRate);
        }
        this.sampleRate = sampleRate;
        this.amplitude = 32767 * Math.pow(10, (levelDbm0 - FULL_SCALE_SINE_DBM0) / 20);
    }

    public ToneGenerator(int sampleRate) {
        this(sampleRate, DEFAULT_LEVEL_DBM0);
    }

    /** The peak amplitude of each frequency, in 16-bit sample units. */
    public double amplitude() {
        return amplitude;
    }

    /** Starts {@code pattern} from its beginning, replacing whatever was playing. */
    public void start(TonePattern pattern) {
        List<ToneSegment> segments = pattern.segments();
        segmentCount = segments.size();
        for (int i = 0; i < segmentCount; i++) {
            ToneSegment element = segments.get(i);
            frequencyCount[i] = element.frequenciesHz().size();
            for (int f = 0; f < frequencyCount[i]; f++) {
                phaseStep[i][f] = (double) element.frequenciesHz().get(f) / sampleRate;
            }
            // 0 = continuous: Integer.MAX_VALUE samples is over a day at 16 kHz.
            durationSamples[i] = element.continuous()
                    ? Integer.MAX_VALUE : (int) ((long) element.durationMs() * sampleRate / 1000);
            once[i] = element.once();
        }
        java.util.Arrays.fill(phase, 0);
        segment = 0;
        samplesIntoSegment = 0;
        firstPass = true;
        playing = true;
    }

    public void stop() {
        playing = false;
    }

    /** False once stopped, or once a pattern made only of {@code !} elements has played. */
    public boolean playing() {
        return playing;
    }

    /** Writes the next {@code samples} samples of the tone (silence when not playing). */
    public void fill(short[] frame, int offset, int samples) {
        for (int i = 0; i < samples; i++) {
            frame[offset + i] = playing ? nextSample() : 0;
        }
    }

    private short nextSample() {
        while (samplesIntoSegment >= durationSamples[segment]) {
            if (!advanceSegment()) {
                playing = false;
                return 0;
            }
        }
        samplesIntoSegment++;
        double value = 0;
        int count = frequencyCount[segment];
        for (int f = 0; f < count; f++) {
            value += Math.sin(2 * Math.PI * phase[f]);
            phase[f] += phaseStep[segment][f];
            if (phase[f] >= 1) {
                phase[f] -= 1;
            }
        }
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value * amplitude)));
    }

    /** Moves to the next element to play; false when the pattern has nothing left to repeat. */
    private boolean advanceSegment() {
        samplesIntoSegment = 0;
        for (int step = 0; step < segmentCount; step++) {
            segment++;
            if (segment == segmentCount) {
                segment = 0;
                firstPass = false;
            }
            if (firstPass || !once[segment]) {
                return true;
            }
        }
        return false;
    }
}
