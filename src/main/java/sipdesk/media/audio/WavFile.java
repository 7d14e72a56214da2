package sipdesk.media.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * 16-bit PCM WAV files: read whole (ringtones, test microphones; stereo is mixed down to mono) and
 * written with their header. Other encodings are refused with a message naming the file.
 */
public final class WavFile {

    /** A file's samples, mono, at {@code sampleRate}. */
    public record Audio(short[] samples, int sampleRate) {}

    private WavFile() {
    }

    public static Audio read(Path path) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IOException(path + ": not a RIFF/WAVE file");
        }
        int at = 12;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        while (at + 8 <= b.limit()) {
            int id = b.getInt(at);
            int size = b.getInt(at + 4);
            int body = at + 8;
            if (id == 0x20746d66) { // "fmt "
                int format = b.getShort(body) & 0xFFFF;
                channels = b.getShort(body + 2);
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14);
                if ((format != 1 && format != 0xFFFE) || bits != 16 || channels < 1 || channels > 2) {
                    throw new IOException(path + ": need 16-bit PCM mono or stereo, got format " + format + ", "
                            + bits + " bits, " + channels + " channels");
                }
            } else if (id == 0x61746164) { // "data"
                if (rate == 0) throw new IOException(path + ": data before fmt chunk");
                int frames = Math.min(size, b.limit() - body) / (2 * channels);
                short[] samples = new short[frames];
                for (int i = 0; i < frames; i++) {
                    int sum = 0;
                    for (int c = 0; c < channels; c++) sum += b.getShort(body + 2 * (i * channels + c));
                    samples[i] = (short) (sum / channels);
                }
                return new Audio(samples, rate);
            }
            at = body + size + (size & 1);
        }
        throw new IOException(path + ": no data chunk");
    }

    /** The 44-byte header of a mono 16-bit file of {@code dataBytes} bytes. */
    static byte[] header(int sampleRate, int dataBytes) {
        return header(ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN), sampleRate, dataBytes).array();
    }

    /** Puts that header into {@code h} (little-endian, 44 bytes free). */
    static ByteBuffer header(ByteBuffer h, int sampleRate, int dataBytes) {
        h.putInt(0x46464952).putInt(36 + dataBytes).putInt(0x45564157);
        h.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate)
                .putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        h.putInt(0x61746164).putInt(dataBytes);
        return h;
    }

    public static void write(Path path, short[] samples, int count, int sampleRate) throws IOException {
        byte[] data = new byte[count * 2];
        Pcm.toBytes(samples, 0, count, 1, data);
        try (var out = Files.newOutputStream(path)) {
            out.write(header(sampleRate, data.length));
            out.write(data);
        }
    }
}
