package sipdesk.media.audio;

import java.util.Arrays;

/**
 * No sound card (or it vanished): the microphone gives silence, the speaker discards, neither waits,
 * so calls still proceed (RTP keeps flowing, DTMF works) and a {@link FrameClock} paces them.
 */
public final class SilentDevice extends UnclockedDevice implements Microphone, Speaker {

    private final String name;

    public SilentDevice(int sampleRate, String name) {
        super(sampleRate);
        this.name = name;
    }

    @Override
    public boolean read(short[] frame, int offset) {
        Arrays.fill(frame, offset, offset + frameSamples(), (short) 0);
        return true;
    }

    @Override
    public boolean write(short[] frame, int offset) {
        return true;
    }

    @Override
    public String name() {
        return "silent (" + name + ")";
    }

    @Override
    public void close() {
    }
}
