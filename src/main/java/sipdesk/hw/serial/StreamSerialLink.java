package sipdesk.hw.serial;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A link over a pair of streams: tests, and a panel behind a TCP bridge or an already opened
 * device file. {@code read} relies on {@link InputStream#available()}: the stream must say what it
 * holds without blocking (and throw once it is closed).
 */
public final class StreamSerialLink implements SerialLink {
    private final InputStream in;
    private final OutputStream out;
    private final String name;

    public StreamSerialLink(InputStream in, OutputStream out, String name) {
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public byte[] read() throws IOException {
        int n = in.available();
        if (n <= 0) return new byte[0];
        byte[] bytes = new byte[n];
        int got = in.read(bytes);
        if (got < 0) throw new IOException(name + ": end of stream");
        return got == n ? bytes : java.util.Arrays.copyOf(bytes, got);
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing: nothing left to do with it
        }
        try {
            out.close();
        } catch (IOException ignored) {
            // closing: nothing left to do with it
        }
    }
}
