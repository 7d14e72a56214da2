package sipdesk.media.codec;

/** G.711 mu-law (PCMU, payload type 0) or A-law (PCMA, payload type 8) at 8 kHz, one byte a sample. */
public final class G711Codec extends ConcealingCodec {

    private final boolean muLaw;

    private G711Codec(boolean muLaw) {
        super(8000);
        this.muLaw = muLaw;
    }

    public static G711Codec pcmu() {
        return new G711Codec(true);
    }

    public static G711Codec pcma() {
        return new G711Codec(false);
    }

    @Override
    public String encodingName() {
        return muLaw ? "PCMU" : "PCMA";
    }

    @Override
    public int payloadType() {
        return muLaw ? 0 : 8;
    }

    @Override
    public int clockRate() {
        return 8000;
    }

    @Override
    public int sampleRate() {
        return 8000;
    }

    @Override
    public int payloadBytes(int samples) {
        return samples;
    }

    @Override
    public int encode(short[] pcm, int pcmOffset, int samples, byte[] out, int outOffset) {
        if (muLaw) {
            for (int i = 0; i < samples; i++) {
                out[outOffset + i] = G711.linearToUlaw(pcm[pcmOffset + i]);
            }
        } else {
            for (int i = 0; i < samples; i++) {
                out[outOffset + i] = G711.linearToAlaw(pcm[pcmOffset + i]);
            }
        }
        return samples;
    }

    @Override
    int decodeFrame(byte[] payload, int offset, int length, short[] out, int outOffset) {
        if (muLaw) {
            for (int i = 0; i < length; i++) {
                out[outOffset + i] = G711.ulawToLinear(payload[offset + i]);
            }
        } else {
            for (int i = 0; i < length; i++) {
                out[outOffset + i] = G711.alawToLinear(payload[offset + i]);
            }
        }
        return length;
    }

    @Override
    void resetCoder() {
        // G.711 is stateless: each byte is one sample.
    }
}
