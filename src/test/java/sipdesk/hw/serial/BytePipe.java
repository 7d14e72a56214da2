package sipdesk.hw.serial;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One direction of a serial line in memory: what is written to {@link #out} can be read from
 * {@link #in}, from any thread, without blocking ({@code available()} says what is there).
 * {@link #unplug} breaks both ends, as pulling the USB plug does; closing a stream only stops
 * further writes (what was sent can still be read).
 */
final class BytePipe {
    private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
    private int readPos;
    private boolean closed;
    private boolean unplugged;

    final InputStream in = new InputStream() {
        @Override
        public int available() throws IOException {
            synchronized (BytePipe.this) {
                if (unplugged) throw new IOException("pipe closed (device unplugged)");
                return buffer.size() - readPos;
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            synchronized (BytePipe.this) {
                if (unplugged) throw new IOException("pipe closed (device unplugged)");
                byte[] all = buffer.toByteArray();
                int n = Math.min(len, all.length - readPos);
                System.arraycopy(all, readPos, b, off, n);
                readPos += n;
                return n;
            }
        }

        @Override
        public void close() {
            BytePipe.this.close();
        }
    };

    final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            synchronized (BytePipe.this) {
                check();
                buffer.write(b, off, len);
            }
        }

        @Override
        public void close() {
            BytePipe.this.close();
        }
    };

    synchronized void close() {
        closed = true;
    }

    synchronized void unplug() {
        unplugged = true;
    }

    private void check() throws IOException {
        if (closed || unplugged) throw new IOException("pipe closed (device unplugged)");
    }
}
