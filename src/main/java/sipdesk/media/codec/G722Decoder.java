package sipdesk.media.codec;

import static sipdesk.media.codec.G722Tables.*;

/** G.722 64 kbit/s decoder: lower and higher sub-band ADPCM, receive QMF, two samples per byte. */
final class G722Decoder {

    private final G722Band lower = G722Band.lower();
    private final G722Band higher = G722Band.higher();
    /** Fed pairs of (rl + rh, rl - rh). */
    private final G722Qmf qmf = new G722Qmf();

    void reset() {
        lower.reset();
        higher.reset();
        qmf.reset();
    }

    int decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
        G722Qmf qmf = this.qmf;
        for (int j = 0; j < length; j++) {
            int code = payload[offset + j] & 0xFF;
            int lowerSignal = decodeLower(code & 0x3F);
            int higherSignal = decodeHigher(code >> 6);
            qmf.push(lowerSignal + higherSignal, lowerSignal - higherSignal);
            out[outOffset + 2 * j] = (short) G722Band.saturate(qmf.oddSum() >> 11);
            out[outOffset + 2 * j + 1] = (short) G722Band.saturate(qmf.evenSum() >> 11);
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
