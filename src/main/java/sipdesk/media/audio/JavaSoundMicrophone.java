package sipdesk.media.audio;

import java.util.Arrays;
import javax.sound.sampled.TargetDataLine;

/** A javax.sound capture line with a buffer of a few frames; {@link #read} blocks on the card's clock. */
final class JavaSoundMicrophone implements Microphone {

    private final TargetDataLine line;
    private final int sampleRate;
    private final int channels;
    private final byte[] bytes;
    private final String name;

    JavaSoundMicrophone(TargetDataLine line, int sampleRate, int channels, String name) {
        this.line = line;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.bytes = new byte[sampleRate / 50 * 2 * channels];
        this.name = name;
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public boolean read(short[] frame, int offset) {
        int got = 0;
        try {
            while (got < bytes.length && line.isOpen()) {
                int n = line.read(bytes, got, bytes.length - got);
                if (n <= 0) break;
                got += n;
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            got = 0;
        }
        if (got < bytes.length) {
            Arrays.fill(frame, offset, offset + frameSamples(), (short) 0);
            return false;
        }
        Pcm.fromBytes(bytes, frameSamples(), channels, frame, offset);
        return true;
    }

    @Override
    public boolean clocked() {
        return true;
    }

    @Override
    public String name() {
        return name + " " + sampleRate + " Hz";
    }

    @Override
    public void close() {
        line.stop();
        line.close();
    }

    @Override
    public String toString() {
        return name();
    }
}
