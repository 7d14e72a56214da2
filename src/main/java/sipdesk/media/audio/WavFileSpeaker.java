package sipdesk.media.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A speaker that records to a mono 16-bit WAV file. Frames gather in one preallocated buffer and go
 * to the file a second at a time ({@link #FRAMES_PER_WRITE}; a write per 20 ms frame cost a tenth of a
 * call's CPU), each write followed by the header's sizes, and again on close, so another process (a
 * test, {@code sipdesk audio test}) can read a valid file while the phone still plays into it. Not
 * clocked: the engine paces it.
 */
public final class WavFileSpeaker extends UnclockedDevice implements Speaker {

    private final FileChannel file;
    private final byte[] bytes;
    private final ByteBuffer buffer;
    private final Path path;
    private final ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    /**
     * Frames gathered before a write: a second, so what a reader sees lags the phone by that at most
     * (a write every 100 ms was still 3 % of a call's CPU). Written so seldom, the JDK's file-writing
     * code is never compiled and runs interpreted: two writes a second (data, then header) cost less
     * than three did (session 6's profile of a call).
     */
    static final int FRAMES_PER_WRITE = 50;
    private int dataBytes;
    private int gathered;

    private WavFileSpeaker(FileChannel file, int sampleRate, Path path) {
        super(sampleRate);
        this.file = file;
        this.bytes = new byte[sampleRate / 50 * 2 * FRAMES_PER_WRITE];
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
    public boolean write(short[] frame, int offset) {
        int frameBytes = frameSamples() * 2;
        Pcm.toBytes(frame, offset, frameSamples(), 1, bytes, gathered * frameBytes);
        return ++gathered < FRAMES_PER_WRITE || writeGathered() && writeHeader();
    }

    private boolean writeGathered() {
        buffer.clear().limit(gathered * frameSamples() * 2);
        try {
            while (buffer.hasRemaining()) file.write(buffer);
        } catch (IOException e) {
            return false;
        } finally {
            gathered = 0;
        }
        dataBytes += buffer.limit();
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

    /** Bytes of audio in the file so far (up to {@link #FRAMES_PER_WRITE} frames behind what was played). */
    public int dataBytes() {
        return dataBytes;
    }

    @Override
    public void close() {
        try (file) {
            if (!writeGathered() || !writeHeader()) throw new IOException("write failed");
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot finish the WAV header", e);
        }
    }
}
