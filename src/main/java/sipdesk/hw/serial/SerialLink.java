package sipdesk.hw.serial;

import java.io.IOException;

/**
 * An open byte link to the panel's microcontroller. Used from one thread (the panel's poll); never
 * blocks for long. Any {@link IOException} means the link is dead: close it and connect anew.
 */
public interface SerialLink extends AutoCloseable {
    /** The bytes received since the last call; an empty array when there are none. Never blocks. */
    byte[] read() throws IOException;

    void write(byte[] bytes) throws IOException;

    /** For log lines: {@code /dev/ttyACM0 at 115200 baud}. */
    String describe();

    /** Releases the device; never throws. */
    @Override
    void close();
}
