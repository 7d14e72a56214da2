package sipdesk.media.audio;

/**
 * Where sound goes (the handset earpiece or the ringer): 20 ms frames of 16-bit mono at
 * {@link #sampleRate()}. Owned by one playback thread.
 */
public interface Speaker extends AudioDevice {

    /**
     * Plays {@code frameSamples()} samples from {@code frame[offset..]}; blocks while the device's
     * small buffer is full if it has a clock of its own ({@link #clocked()}).
     *
     * @return false when the device has gone
     */
    boolean write(short[] frame, int offset);

    /** Times the device ran dry after it had started playing (the card played silence of its own); any thread may ask. */
    default long underruns() {
        return 0;
    }

}
