package sipdesk.media.codec;

import static sipdesk.media.codec.G722Tables.*;

/** G.722 64 kbit/s decoder: lower and higher sub-band ADPCM, receive QMF, two samples per byte. */
final class G722Decoder {

    private final G722Band lower = G722Band.lower();
    private final G722Band higher = G722Band.higher();
    /** The last 12 pairs of (rl + rh, rl - rh), oldest first. */
    private final int[] window = new int[24];

    void reset() {
        lower.reset();
        higher.reset();
        java.util.Arrays.fill(window, 0);
    }

    int decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
        for (int j = 0; j < length; j++) {
            int code = payload[offset + j] & 0xFF;
            int lowerSignal = decodeLower(code & 0x3F);
            int higherSignal = decodeHigher(code >> 6);
            System.arraycopy(window, 2, window, 0, 22);
            window[22] = lowerSignal + higherSignal;
            window[23] = lowerSignal - higherSignal;
            int even = 0;
            int odd = 0;
            for (int k = 0; k < 24; k += 2) {
                even += window[k] * QMF[k];
                odd += window[k + 1] * QMF[k + 1];
            }
            out[outOffset + 2 * j] = (short) G722Band.saturate(odd >> 11);
            out[outOffset + 2 * j + 1] = (short) G722Band.saturate(even >> 11);
        }
        return 2 * length;
    }

    private int decodeLower(int code) {
        int signal = clip15(lower.prediction + ((lower.scale * QM6[code]) >> 15));
        int truncated = code >> 2;
        int quantisedDifference = (lower.scale * QM4[truncated]) >> 15;
        lower.adaptScale(LOWER_LOG_STEP[truncated]);
        lower.adaptPredictor(quantisedDifference);
        return signal;
    }

    private int decodeHigher(int code) {
        int quantisedDifference = (higher.scale * QM2[code]) >> 15;
        int signal = clip15(higher.prediction + quantisedDifference);
        higher.adaptScale(HIGHER_LOG_STEP[code]);
        higher.adaptPredictor(quantisedDifference);
        return signal;
    }

    /** RECONS output limit of the decoder: -16384..16383. */
    private static int clip15(int value) {
        return Math.max(-16384, Math.min(16383, value));
    }
}
