package sipdesk.media.codec;

/**
 * Packet loss concealment after ITU-T G.711 Appendix I, for any codec whose decoder gives linear PCM:
 * the last pitch period of the good signal is repeated through the loss, widened to two and three
 * periods after 10 and 20 ms so a long loss does not buzz, attenuated by 20 % per 10 ms after the
 * first 10 ms and silent after 60 ms; the first good frame after a loss is cross-faded from the
 * substitute. Unlike Appendix I the output is not delayed by 3.75 ms (a phone's mouth-to-ear budget
 * is better spent in the jitter buffer), so the start of a loss is not overlap-added: the pitch
 * search already picks the period whose repetition joins the history most smoothly.
 *
 * <p>All buffers are sized in the constructor; nothing is allocated per frame.
 */
final class WaveformSubstitution {

    private final int samplesPer10Ms;
    private final int minPitch;
    private final int maxPitch;
    private final int correlationWindow;
    private final short[] history;
    private final float[] pitchBuffer;
    private final float[] fade;

    private int pitch;
    private int periodsInUse;
    private int readPosition;
    private int erasedSamples;

    /** @param sampleRate 8000 or 16000 */
    WaveformSubstitution(int sampleRate) {
        samplesPer10Ms = sampleRate / 100;
        // Appendix I searches pitch periods of 40..120 samples at 8 kHz (66..200 Hz).
        minPitch = sampleRate / 200;
        maxPitch = sampleRate * 3 / 200;
        correlationWindow = sampleRate / 100;
        history = new short[3 * maxPitch + maxPitch / 4];
        pitchBuffer = new float[3 * maxPitch];
        fade = new float[samplesPer10Ms];
        reset();
    }

    void reset() {
        java.util.Arrays.fill(history, (short) 0);
        erasedSamples = 0;
        pitch = minPitch;
    }

    boolean concealing() {
        return erasedSamples > 0;
    }

    /** Takes good decoded samples into the history; after a loss, first blends them with the substitute. */
    void goodFrame(short[] pcm, int offset, int samples) {
        if (erasedSamples > 0) {
            crossFadeInto(pcm, offset, samples);
            erasedSamples = 0;
        }
        remember(pcm, offset, samples);
    }

    /** Writes a substitute for {@code samples} lost samples and keeps it in the history. */
    void conceal(short[] out, int offset, int samples) {
        if (erasedSamples == 0) {
            startErasure();
        }
        for (int i = 0; i < samples; i++) {
            out[offset + i] = clip(nextSubstitute() * gainAt(erasedSamples));
            erasedSamples++;
        }
        remember(out, offset, samples);
    }

    private void startErasure() {
        pitch = findPitch();
        int end = history.length;
        for (int i = 0; i < pitchBuffer.length; i++) {
            pitchBuffer[i] = history[end - pitchBuffer.length + i];
        }
        periodsInUse = 1;
        readPosition = 0;
    }

    /** The next sample of the repeated periods; 1, 2, then 3 periods as the loss goes on. */
    private float nextSubstitute() {
        int wanted = erasedSamples < samplesPer10Ms ? 1 : erasedSamples < 2 * samplesPer10Ms ? 2 : 3;
        if (wanted != periodsInUse) {
            // Reading further back keeps the same sample under the read position: no jump.
            readPosition += (wanted - periodsInUse) * pitch;
            periodsInUse = wanted;
        }
        int span = periodsInUse * pitch;
        float sample = pitchBuffer[pitchBuffer.length - span + readPosition];
        readPosition++;
        if (readPosition == span) {
            readPosition = 0;
        }
        return sample;
    }

    /** Appendix I: full level for 10 ms, then 20 % less per 10 ms, silence after 60 ms. */
    private float gainAt(int erased) {
        if (erased < samplesPer10Ms) {
            return 1f;
        }
        float gain = 1f - 0.2f * (erased - samplesPer10Ms) / samplesPer10Ms;
        return Math.max(gain, 0f);
    }

    /** Overlap-add: a quarter pitch period, plus 4 ms per further 10 ms of loss, at most 10 ms. */
    private void crossFadeInto(short[] pcm, int offset, int samples) {
        int length = pitch / 4 + (erasedSamples > samplesPer10Ms
                ? (erasedSamples - samplesPer10Ms) / samplesPer10Ms * (samplesPer10Ms * 4 / 10) : 0);
        length = Math.min(Math.min(length, fade.length), samples);
        for (int i = 0; i < length; i++) {
            fade[i] = nextSubstitute() * gainAt(erasedSamples + i);
        }
        for (int i = 0; i < length; i++) {
            float rise = (i + 1f) / (length + 1f);
            pcm[offset + i] = clip(fade[i] * (1f - rise) + pcm[offset + i] * rise);
        }
    }

    /** The period, in samples, whose lag best correlates the most recent samples with the ones before. */
    private int findPitch() {
        int end = history.length;
        int best = minPitch;
        double bestScore = 0;
        for (int lag = minPitch; lag <= maxPitch; lag++) {
            double cross = 0;
            double energy = 0;
            for (int i = end - correlationWindow; i < end; i++) {
                double past = history[i - lag];
                cross += history[i] * past;
                energy += past * past;
            }
            if (energy > 0 && cross > 0) {
                double score = cross * cross / energy;
                if (score > bestScore * 1.0001) {
                    bestScore = score;
                    best = lag;
                }
            }
        }
        return best;
    }

    private void remember(short[] pcm, int offset, int samples) {
        if (samples >= history.length) {
            System.arraycopy(pcm, offset + samples - history.length, history, 0, history.length);
            return;
        }
        System.arraycopy(history, samples, history, 0, history.length - samples);
        System.arraycopy(pcm, offset, history, history.length - samples, samples);
    }

    private static short clip(float value) {
        int rounded = Math.round(value);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, rounded));
    }
}
