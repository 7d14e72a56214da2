package sipdesk.media.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A speaker that records to a mono 16-bit WAV file; the header's sizes are written on close. Each
 * frame goes straight to the file through one preallocated buffer. Not clocked: the engine paces it.
 */
public final class WavFileSpeaker implements Speaker {

    private final FileChannel file;
    private final int sampleRate;
    private final byte[] bytes;
    private final ByteBuffer buffer;
    private final Path path;
    private int dataBytes;

    private WavFileSpeaker(FileChannel file, int sampleRate, Path path) {
        this.file = file;
        this.sampleRate = sampleRate;
        this.bytes = new byte[sampleRate / 50 * 2];
        this.buffer = ByteBuffer.wrap(bytes);
        this.path = path;
    }

    public static WavFileSpeaker create(Path path, int sampleRate) throws IOException {
        FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        file.write(ByteBuffer.wrap(WavFile.header(sampleRate, 0)));
        return new WavFileSpeaker(file, sampleRate, path);
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public boolean write(short[] frame, int offset) {
        Pcm.toBytes(frame, offset, frameSamples(), 1, bytes);
        buffer.clear();
        try {
            while (buffer.hasRemaining()) file.write(buffer);
        } catch (IOException e) {
            return false;
        }
        dataBytes += bytes.length;
        return true;
    }

    @Override
    public boolean clocked() {
        return false;
    }

    @Override
    public String name() {
        return "file " + path;
    }

    @Override
    public void close() {
        try (file) {
            file.write(ByteBuffer.wrap(WavFile.header(sampleRate, dataBytes)), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot finish the WAV header", e);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
