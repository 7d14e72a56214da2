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

    /**
     * The device-clock thread is about to rest (nothing to play or send): a card stops its line, so it
     * neither fills with audio nobody reads nor runs dry. Files and silence need nothing.
     */
    default void pause() {
    }

    /** The thread runs frames again after {@link #pause()}: what waited is dropped, not played or sent late. */
    default void resume() {
    }

    @Override
    void close();
}
