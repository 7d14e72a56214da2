package sipdesk.media.audio;

/**
 * A device without a clock of its own (silence, a WAV file): it never waits, so a {@link FrameClock}
 * paces the engine. Its rate is fixed when it is made.
 */
abstract class UnclockedDevice implements AudioDevice {

    private final int sampleRate;

    UnclockedDevice(int sampleRate) {
        this.sampleRate = sampleRate;
    }

    @Override
    public final int sampleRate() {
        return sampleRate;
    }

    @Override
    public final boolean clocked() {
        return false;
    }

    @Override
    public final String toString() {
        return name();
    }
}
