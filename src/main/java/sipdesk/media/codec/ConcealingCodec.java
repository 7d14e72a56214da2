package sipdesk.media.codec;

/**
 * What G.711 and G.722 share: each decoded frame is remembered by a {@link WaveformSubstitution}
 * (G.711 Appendix I), which fills a lost frame by repeating the last pitch period and cross-fades
 * into the next good one.
 */
abstract sealed class ConcealingCodec implements AudioCodec permits G711Codec, G722Codec {

    private final WaveformSubstitution concealment;

    ConcealingCodec(int sampleRate) {
        this.concealment = new WaveformSubstitution(sampleRate);
    }

    /** Decodes {@code length} payload bytes to {@code out[outOffset..]}; returns the samples written. */
    abstract int decodeFrame(byte[] payload, int offset, int length, short[] out, int outOffset);

    /** Forgets the encoder's and decoder's state (the concealment's is forgotten here). */
    abstract void resetCoder();

    @Override
    public final int decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
        int samples = decodeFrame(payload, offset, length, out, outOffset);
        concealment.goodFrame(out, outOffset, samples);
        return samples;
    }

    @Override
    public final int conceal(short[] out, int outOffset, int samples) {
        concealment.conceal(out, outOffset, samples);
        return samples;
    }

    @Override
    public final void reset() {
        resetCoder();
        concealment.reset();
    }
}
