package sipdesk.media.audio;

/**
 * What a {@link Microphone} and a {@link Speaker} have in common: 20 ms frames of 16-bit mono at
 * {@link #sampleRate()}, a name for logs, and whether the device has a clock of its own.
 */
public interface AudioDevice extends AutoCloseable {

    int sampleRate();

    default int frameSamples() {
        return sampleRate() / 50;
    }

    /** True when the device waits for a real sound card's clock, so it can pace the call. */
    boolean clocked();

    String name();

    @Override
    void close();
}
