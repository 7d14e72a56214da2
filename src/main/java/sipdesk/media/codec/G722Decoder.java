package sipdesk.media.codec;

/** G.722 64 kbit/s decoder: lower and higher sub-band ADPCM, receive QMF, two samples per byte. */
final class G722Decoder {

    private final G722Band lower = G722Band.lower();
    private final G722Band higher = G722Band.higher();
    private final G722Qmf qmf = new G722Qmf();
    /** One block's decoded sub-band signals rL and rH. */
    private final int[] lowerSignal = new int[G722Qmf.MAX_PAIRS];
    private final int[] higherSignal = new int[G722Qmf.MAX_PAIRS];

    void reset() {
        lower.reset();
        higher.reset();
        qmf.reset();
    }

    int decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
        for (int done = 0; done < length; done += G722Qmf.MAX_PAIRS) {
            int pairs = Math.min(G722Qmf.MAX_PAIRS, length - done);
            lower.decode(payload, offset + done, pairs, lowerSignal);
            higher.decode(payload, offset + done, pairs, higherSignal);
            qmf.synthesise(lowerSignal, higherSignal, pairs, out, outOffset + 2 * done);
        }
        return 2 * length;
    }
}
