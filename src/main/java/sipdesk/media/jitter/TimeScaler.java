package sipdesk.media.jitter;

/**
 * Decoded audio between the jitter buffer and the device, where the buffer's fill adjustments are
 * made inaudible. Dropping or inserting a whole 20 ms frame jumps the phase of whatever is playing (a
 * click on a tone or a vowel); instead, one pitch period at a time is taken out or repeated, joined
 * with an overlap-add crossfade, as WebRTC's NetEq does ("accelerate" and "preemptive expand"): for
 * periodic sound the seam cannot be heard, for near-silence it does not matter.
 *
 * <p>The caller appends whole decoded frames while {@link #needsFrame()} and reads one frame per device
 * period; so shortening the audio makes it pull a frame more from the jitter buffer at some point, and
 * lengthening one fewer, which is what the buffer asked for. At most one period is moved per appended
 * frame, and only where the audio repeats itself well (or is quiet); after {@link #MAX_WAIT_FRAMES}
 * frames of waiting for such a place the best one found is taken anyway. After an adjustment less
 * than one period (at most a frame less a sample) waits here besides the jitter buffer's delay.
 *
 * <p>Allocation-free: one preallocated array. Used only by the playback thread.
 */
public final class TimeScaler {

    /** Frames to wait for periodic or quiet audio before shortening anyway (half a second). */
    static final int MAX_WAIT_FRAMES = 25;
    /**
     * The same before lengthening: the buffer asks for that when frames come close to their turn,
     * and an underrun (concealment) would cost more than a seam slightly out of phase.
     */
    static final int MAX_WAIT_FRAMES_TO_LENGTHEN = 25;
    /** Normalised correlation at which a period repeats well enough for an inaudible seam. */
    static final double GOOD_CORRELATION = 0.9;
    /** Below this mean square (about -50 dBFS) the audio is quiet enough to cut anywhere. */
    static final double QUIET_MEAN_SQUARE = 100.0 * 100.0;
    /** Lags this close to the best correlation count as equally good. */
    static final double NEAR_BEST = 0.01;

    private final int frameSamples;
    private final int minLag;
    private final int maxLag;
    private final int window;
    /** How far the seams together may shift a steady sound (20 microseconds, 3 degrees at 440 Hz). */
    private final double maxPhaseErrorSamples;
    private final short[] fifo;
    private int length;
    /** Samples still to take out (positive) or to add (negative). */
    private int pendingSamples;
    /**
     * Of a shortening, the part that is only what waited here besides the buffer's frames: taken out
     * at a seam that cannot be heard, never forced.
     */
    private int optionalSamples;
    private int framesWaited;
    /** What {@link #bestLag()} found besides the lag: how well it repeats, and how loud the audio is. */
    private double lastCorrelation;
    private double lastMeanSquare;
    /** Correlation by lag, for {@link #bestLag()}. */
    private final double[] correlation;
    /** The summed phase error of the seams so far, in samples (reset when the audio is not periodic). */
    private double phaseErrorSamples;
    private long removedSamples;
    private long addedSamples;

    /**
     * @param sampleRate decoded audio's rate
     * @param frameSamples samples per frame (20 ms)
     */
    public TimeScaler(int sampleRate, int frameSamples) {
        if (sampleRate <= 0 || frameSamples < 8) {
            throw new IllegalArgumentException("sampleRate " + sampleRate + ", frameSamples " + frameSamples);
        }
        this.frameSamples = frameSamples;
        // Lags from 2.5 ms (a 400 Hz voice) to a frame, compared over 10 ms: one frame always holds a
        // lag up to 10 ms and the window; the longer ones, used when more is waiting, find a whole
        // number of periods of a steady tone more closely (a phase step of a degree, not five).
        this.window = frameSamples / 2;
        this.maxPhaseErrorSamples = sampleRate * 8e-6;
        this.maxLag = frameSamples;
        this.minLag = Math.max(2, Math.min(window, sampleRate / 400));
        this.fifo = new short[4 * frameSamples];
        this.correlation = new double[maxLag + 2];
    }

    /** Whether the device's next frame needs another decoded frame appended first. */
    public boolean needsFrame() {
        return length < frameSamples;
    }

    /** Where the next decoded frame is written: {@code frameSamples} samples from {@link #inputOffset()}. */
    public short[] input() {
        return fifo;
    }

    public int inputOffset() {
        return length;
    }

    /**
     * Takes the frame written at {@link #inputOffset()} and the jitter buffer's wish for it
     * ({@link JitterBuffer#takeAdjustment()}: frames to shorten the audio by, or lengthen it if negative).
     *
     * <p>The buffer counts its delay in the time its frames wait, which changes only when a device
     * period takes no frame or two; what waits here past a whole frame is delay that protects from
     * nothing. So a change of n frames is made relative to what already waits here: lengthening adds
     * until the buffer's frames wait n frames longer (not stopping short, which would leave most of a
     * frame here and the buffer's frames no safer), shortening takes out n frames and what waited here
     * besides. Either way less than a pitch period is left waiting here afterwards.
     */
    public void appended(int adjustmentFrames) {
        int waiting = length;
        length += frameSamples;
        if (adjustmentFrames != 0) {
            // A wish replaces one not yet met: the buffer asks again after its next window if need be.
            pendingSamples = adjustmentFrames * frameSamples + waiting;
            optionalSamples = adjustmentFrames > 0 ? waiting : 0;
            framesWaited = 0;
        }
        if (pendingSamples != 0) {
            adjust();
        }
    }

    /** Writes the device's next frame to {@code out[offset..]}; call when {@link #needsFrame()} is false. */
    public void read(short[] out, int offset) {
        if (length < frameSamples) {
            throw new IllegalStateException("read with " + length + " samples of " + frameSamples);
        }
        System.arraycopy(fifo, 0, out, offset, frameSamples);
        length -= frameSamples;
        System.arraycopy(fifo, frameSamples, fifo, 0, length);
    }

    /** Forgets what is waiting (a new stream). */
    public void clear() {
        length = 0;
        pendingSamples = 0;
        optionalSamples = 0;
    }

    /** Decoded samples waiting to play. */
    public int bufferedSamples() {
        return length;
    }

    public long removedSamples() {
        return removedSamples;
    }

    public long addedSamples() {
        return addedSamples;
    }

    private void adjust() {
        boolean shortening = pendingSamples > 0;
        // Never more than asked when shortening: the buffer has only just enough for the frames it gives up.
        if (shortening && pendingSamples < minLag) {
            pendingSamples = 0;
            return;
        }
        // The seam starts at fifo[0], the sample after the last one played, and needs a lag plus
        // the correlation window of audio: always there once a frame has been appended.
        int lag = bestLag(maxLag);
        boolean quiet = lastMeanSquare < QUIET_MEAN_SQUARE;
        if (quiet && !shortening) {
            lag = Math.max(minLag, Math.min(lag, -pendingSamples)); // near-silence repeats at any lag: add what is missing
        }
        boolean inPhase = Math.abs(phaseErrorSamples + seamError(lag)) <= maxPhaseErrorSamples;
        boolean good = (lastCorrelation >= GOOD_CORRELATION && inPhase) || quiet;
        if (lastCorrelation < GOOD_CORRELATION) {
            phaseErrorSamples = 0; // no steady sound whose phase could be heard to shift
        }
        if (!good && ++framesWaited < (shortening ? MAX_WAIT_FRAMES : MAX_WAIT_FRAMES_TO_LENGTHEN)) {
            return;
        }
        framesWaited = 0;
        if (shortening && (pendingSamples < lag || (!good && pendingSamples - optionalSamples < lag))) {
            pendingSamples = 0; // within a period of what was asked, or only what waited here: no forced seam for it
            return;
        }
        phaseErrorSamples += seamError(lag);
        if (shortening) {
            remove(lag);
            pendingSamples -= lag;
        } else {
            // Until the buffer's frames wait longer: less than a period more than asked.
            add(lag);
            pendingSamples = Math.min(0, pendingSamples + lag);
        }
    }

    /**
     * The lag, up to {@code limit}, at which the audio best repeats itself (normalised cross-correlation over 10 ms). A
     * steady sound repeats at several lags nearly as well; of those, the one whose seam best cancels
     * the phase error of the seams before is taken ({@link #phaseErrorSamples}), so errors of a tenth
     * of a sample do not add up to an audible shift.
     */
    private int bestLag(int limit) {
        int longest = Math.min(Math.min(maxLag, limit), Math.min(length - window, length / 2));
        double head = 0;
        for (int i = 0; i < window; i++) {
            head += (double) fifo[i] * fifo[i];
        }
        double bestCorrelation = -2;
        for (int lag = minLag - 1; lag <= longest + 1; lag++) {
            correlation[lag] = lag < 1 || lag > length - window ? Double.NaN : correlationAt(lag, head);
            if (lag >= minLag && lag <= longest) {
                bestCorrelation = Math.max(bestCorrelation, correlation[lag]);
            }
        }
        int best = longest;
        double bestError = Double.MAX_VALUE;
        for (int lag = minLag; lag <= longest; lag++) {
            double c = correlation[lag];
            // Local peaks only (a comparison with NaN, out of reach, is false).
            if (c < bestCorrelation - NEAR_BEST || c < correlation[lag - 1] || c < correlation[lag + 1]) {
                continue;
            }
            double error = Math.abs(phaseErrorSamples + seamError(lag));
            if (error < bestError - 1e-9 || (error < bestError + 1e-9 && lag > best)) {
                bestError = error;
                best = lag;
            }
        }
        lastCorrelation = correlation[best];
        lastMeanSquare = head / window;
        return best;
    }

    private double correlationAt(int lag, double head) {
        double cross = 0;
        double tail = 0;
        for (int i = 0; i < window; i++) {
            double later = fifo[i + lag];
            cross += fifo[i] * later;
            tail += later * later;
        }
        return head == 0 || tail == 0 ? 0 : cross / Math.sqrt(head * tail);
    }

    /**
     * How far (in samples) the audio after a seam at this lag lands from where it would be in phase:
     * the lag less the true repeat, found by fitting a parabola through the correlation around it.
     * Removing a period shifts the rest by this much, adding one by as much the other way.
     */
    private double seamError(int lag) {
        double before = correlation[lag - 1];
        double at = correlation[lag];
        double after = correlation[lag + 1];
        double curvature = before - 2 * at + after;
        double peak = !(curvature < 0) ? 0 : 0.5 * (before - after) / curvature;
        double error = -Math.max(-0.5, Math.min(0.5, peak));
        return pendingSamples > 0 ? error : -error;
    }

    /** Two periods become one: the first fades out while the second fades in. */
    private void remove(int lag) {
        for (int i = 0; i < lag; i++) {
            double in = (i + 1.0) / (lag + 1);
            fifo[i] = (short) Math.round(fifo[i] * (1 - in) + fifo[i + lag] * in);
        }
        System.arraycopy(fifo, 2 * lag, fifo, lag, length - 2 * lag);
        length -= lag;
        removedSamples += lag;
    }

    /** One period becomes two: after the first, the second fades from itself into a repeat of the first. */
    private void add(int lag) {
        System.arraycopy(fifo, lag, fifo, 2 * lag, length - lag);
        for (int i = 0; i < lag; i++) {
            double repeat = (i + 1.0) / (lag + 1);
            fifo[lag + i] = (short) Math.round(fifo[2 * lag + i] * (1 - repeat) + fifo[i] * repeat);
        }
        length += lag;
        addedSamples += lag;
    }
}
