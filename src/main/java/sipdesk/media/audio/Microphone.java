package sipdesk.media.audio;

/**
 * Where the handset's voice comes from: 20 ms frames of 16-bit mono at {@link #sampleRate()}. Owned
 * by the device-clock thread.
 */
public interface Microphone extends AudioDevice {

    /**
     * Fills {@code frameSamples()} samples at {@code frame[offset..]}, blocking until the device has
     * them if the device has a clock of its own ({@link #clocked()}).
     *
     * @return false when the device has gone (unplugged, failed); the frame is then silence
     */
    boolean read(short[] frame, int offset);

}
