package sipdesk.media.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A speaker that records to a mono 16-bit WAV file. Each frame goes straight to the file through one
 * preallocated buffer; the header's sizes are rewritten once a second and on close, so another
 * process (a test, {@code sipdesk audio test}) can read a valid file while the phone still plays into
 * it. Not clocked: the engine paces it.
 */
public final class WavFileSpeaker extends UnclockedDevice implements Speaker {

    private final FileChannel file;
    private final byte[] bytes;
    private final ByteBuffer buffer;
    private final Path path;
    private final ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    private final int framesPerHeaderUpdate;
    private int dataBytes;
    private int framesSinceHeader;

    private WavFileSpeaker(FileChannel file, int sampleRate, Path path) {
        super(sampleRate);
        this.file = file;
        this.bytes = new byte[sampleRate / 50 * 2];
        this.buffer = ByteBuffer.wrap(bytes);
        this.path = path;
        this.framesPerHeaderUpdate = 50; // once a second of audio
    }

    public static WavFileSpeaker create(Path path, int sampleRate) throws IOException {
        FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        file.write(ByteBuffer.wrap(WavFile.header(sampleRate, 0)));
        return new WavFileSpeaker(file, sampleRate, path);
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
        if (++framesSinceHeader == framesPerHeaderUpdate) {
            framesSinceHeader = 0;
            return writeHeader();
        }
        return true;
    }

    @Override
    public String name() {
        return "file " + path;
    }

    /** Rewrites the 44-byte header for the data written so far; allocation-free. */
    private boolean writeHeader() {
        WavFile.header(header.clear(), sampleRate(), dataBytes);
        header.flip();
        try {
            long at = 0;
            while (header.hasRemaining()) at += file.write(header, at);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Bytes of audio written so far. */
    public int dataBytes() {
        return dataBytes;
    }

    @Override
    public void close() {
        try (file) {
            if (!writeHeader()) throw new IOException("header write failed");
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot finish the WAV header", e);
        }
    }
}
