package sipdesk.media.codec;

import static sipdesk.media.codec.G722Band.saturate;
import static sipdesk.media.codec.G722Tables.*;

/** G.722 64 kbit/s encoder: transmit QMF, 6-bit lower and 2-bit higher sub-band ADPCM. */
final class G722Encoder {

    private final G722Band lower = G722Band.lower();
    private final G722Band higher = G722Band.higher();
    private final G722Qmf qmf = new G722Qmf();

    void reset() {
        lower.reset();
        higher.reset();
        qmf.reset();
    }

    /** Encodes an even number of samples, two per output byte. */
    int encode(short[] pcm, int pcmOffset, int samples, byte[] out, int outOffset) {
        if ((samples & 1) != 0) {
            throw new IllegalArgumentException("G.722 encodes sample pairs, got " + samples + " samples");
        }
        int bytes = samples >> 1;
        G722Qmf qmf = this.qmf;
        for (int j = 0; j < bytes; j++) {
            qmf.push(pcm[pcmOffset + 2 * j], pcm[pcmOffset + 2 * j + 1]);
            int even = qmf.evenSum();
            int odd = qmf.oddSum();
            int lowerCode = encodeLower((odd + even) >> 14);
            int higherCode = encodeHigher((odd - even) >> 14);
            out[outOffset + j] = (byte) ((higherCode << 6) | lowerCode);
        }
        return bytes;
    }

    /** QUANTL: the interval of |el| among the decision levels scaled by DETL, then the adaptation. */
    private int encodeLower(int xlow) {
        int el = saturate(xlow - lower.prediction);
        int magnitude = el >= 0 ? el : -(el + 1);
        int interval = 1;
        while (interval < 30 && magnitude >= (Q6[interval] * lower.scale) >> 12) {
            interval++;
        }
        int code = el < 0 ? ILN[interval] : ILP[interval];
        int truncated = code >> 2;
        int quantisedDifference = (lower.scale * QM4[truncated]) >> 15;
        lower.adaptScale(LOWER_LOG_STEP[truncated]);
        lower.adaptPredictor(quantisedDifference);
        return code;
    }

    /** QUANTH: one decision level, 564 * DETH / 4096. */
    private int encodeHigher(int xhigh) {
        int eh = saturate(xhigh - higher.prediction);
        int magnitude = eh >= 0 ? eh : -(eh + 1);
        int magnitudeClass = magnitude >= (564 * higher.scale) >> 12 ? 2 : 1;
        int code = eh < 0 ? IHN[magnitudeClass] : IHP[magnitudeClass];
        int quantisedDifference = (higher.scale * QM2[code]) >> 15;
        higher.adaptScale(HIGHER_LOG_STEP[code]);
        higher.adaptPredictor(quantisedDifference);
        return code;
    }
}
