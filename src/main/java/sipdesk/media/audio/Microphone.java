package sipdesk.media.audio;

/**
 * Where the handset's voice comes from: 20 ms frames of 16-bit mono at {@link #sampleRate()}. Owned
 * by the device-clock thread.
 */
public interface Microphone extends AutoCloseable {

    int sampleRate();

    default int frameSamples() {
        return sampleRate() / 50;
    }

    /**
     * Fills {@code frameSamples()} samples at {@code frame[offset..]}, blocking until the device has
     * them if the device has a clock of its own ({@link #clocked()}).
     *
     * @return false when the device has gone (unplugged, failed); the frame is then silence
     */
    boolean read(short[] frame, int offset);

    /** True when {@link #read} waits for a real sound card, so it can pace the call. */
    boolean clocked();

    String name();

    @Override
    void close();
}
