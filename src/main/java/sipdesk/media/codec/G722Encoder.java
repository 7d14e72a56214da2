package sipdesk.media.codec;

/** G.722 64 kbit/s encoder: transmit QMF, 6-bit lower and 2-bit higher sub-band ADPCM. */
final class G722Encoder {

    private final G722Band lower = G722Band.lower();
    private final G722Band higher = G722Band.higher();
    private final G722Qmf qmf = new G722Qmf();
    /** One block's sub-band inputs xL and xH. */
    private final int[] lowerInput = new int[G722Qmf.MAX_PAIRS];
    private final int[] higherInput = new int[G722Qmf.MAX_PAIRS];

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
        for (int done = 0; done < bytes; done += G722Qmf.MAX_PAIRS) {
            int pairs = Math.min(G722Qmf.MAX_PAIRS, bytes - done);
            qmf.analyse(pcm, pcmOffset + 2 * done, pairs, lowerInput, higherInput);
            lower.encode(lowerInput, out, outOffset + done, pairs);
            higher.encode(higherInput, out, outOffset + done, pairs);
        }
        return bytes;
    }
}
