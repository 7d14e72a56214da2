package sipdesk.media.codec;

/**
 * ITU-T G.722 at 64 kbit/s (mode 1), payload type 9: 16 kHz PCM, one byte per two samples, RTP
 * clock 8000 (RFC 3551 section 4.5.2). Bit-exact with ffmpeg's {@code g722} (checked by the tests).
 *
 * <p>Concealment repeats the decoded signal's pitch (G.711 Appendix I style, at 16 kHz). The
 * ADPCM decoder state is left as the last good packet left it; after the loss it re-converges within
 * a few milliseconds, and the cross-fade into the first good frame hides that.
 */
public final class G722Codec extends ConcealingCodec {

    private final G722Encoder encoder = new G722Encoder();
    private final G722Decoder decoder = new G722Decoder();

    public G722Codec() {
        super(16000);
    }

    @Override
    public String encodingName() {
        return "G722";
    }

    @Override
    public int payloadType() {
        return 9;
    }

    @Override
    public int clockRate() {
        return 8000;
    }

    @Override
    public int sampleRate() {
        return 16000;
    }

    @Override
    public int payloadBytes(int samples) {
        return samples / 2;
    }

    @Override
    public int encode(short[] pcm, int pcmOffset, int samples, byte[] out, int outOffset) {
        return encoder.encode(pcm, pcmOffset, samples, out, outOffset);
    }

    @Override
    int decodeFrame(byte[] payload, int offset, int length, short[] out, int outOffset) {
        return decoder.decode(payload, offset, length, out, outOffset);
    }

    @Override
    void resetCoder() {
        encoder.reset();
        decoder.reset();
    }
}
