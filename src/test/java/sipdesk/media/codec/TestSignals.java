package sipdesk.media.codec;

import java.util.Random;

/** Generated test signals: deterministic, so a failure can be reproduced. */
final class TestSignals {

    private TestSignals() {
    }

    static short[] tone(int sampleRate, double frequency, double amplitude, int samples) {
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequency * i / sampleRate));
        }
        return out;
    }

    /** A logarithmic sweep from {@code from} to {@code to} Hz. */
    static short[] sweep(int sampleRate, double from, double to, double amplitude, int samples) {
        short[] out = new short[samples];
        double phase = 0;
        for (int i = 0; i < samples; i++) {
            double frequency = from * Math.pow(to / from, (double) i / samples);
            phase += 2 * Math.PI * frequency / sampleRate;
            out[i] = (short) Math.round(amplitude * Math.sin(phase));
        }
        return out;
    }

    static short[] noise(long seed, int amplitude, int samples) {
        Random random = new Random(seed);
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (short) (random.nextInt(2 * amplitude + 1) - amplitude);
        }
        return out;
    }

    /** A square-ish wave driven far past full scale and clipped, the worst case for an ADPCM. */
    static short[] clipped(int sampleRate, double frequency, int samples) {
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            double value = 4 * 32768 * Math.sin(2 * Math.PI * frequency * i / sampleRate);
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value)));
        }
        return out;
    }

    static short[] concat(short[]... parts) {
        int length = 0;
        for (short[] part : parts) {
            length += part.length;
        }
        short[] out = new short[length];
        int at = 0;
        for (short[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
