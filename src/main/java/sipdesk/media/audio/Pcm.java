package sipdesk.media.audio;

/** 16-bit little-endian PCM bytes to and from samples, mono or interleaved stereo. Allocation-free. */
final class Pcm {

    private Pcm() {
    }

    static void toBytes(short[] samples, int offset, int count, int channels, byte[] out) {
        toBytes(samples, offset, count, channels, out, 0);
    }

    static void toBytes(short[] samples, int offset, int count, int channels, byte[] out, int outOffset) {
        int at = outOffset;
        for (int i = 0; i < count; i++) {
            short s = samples[offset + i];
            for (int c = 0; c < channels; c++) {
                out[at++] = (byte) s;
                out[at++] = (byte) (s >> 8);
            }
        }
    }

    static void fromBytes(byte[] in, int count, int channels, short[] out, int offset) {
        int at = 0;
        for (int i = 0; i < count; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++, at += 2) {
                sum += (short) ((in[at] & 0xFF) | (in[at + 1] << 8));
            }
            out[offset + i] = (short) (sum / channels);
        }
    }
}
