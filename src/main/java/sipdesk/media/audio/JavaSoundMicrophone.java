package sipdesk.media.audio;

import java.util.Arrays;
import java.util.logging.Logger;
import javax.sound.sampled.TargetDataLine;

/**
 * A javax.sound capture line with a buffer of two frames; {@link #read} takes one frame and blocks on
 * the card's clock until it is there. What was already waiting in the line when a read starts is
 * capture delay beyond the frame itself; a line found full may have lost audio (an overrun).
 */
final class JavaSoundMicrophone extends JavaSoundLine<TargetDataLine> implements Microphone {

    private static final Logger LOG = Logger.getLogger(JavaSoundMicrophone.class.getName());

    private final LineFigures waiting = new LineFigures();
    private long overruns;

    JavaSoundMicrophone(TargetDataLine line, int sampleRate, int channels, String name) {
        super(line, sampleRate, channels, name);
    }

    @Override
    public boolean read(short[] frame, int offset) {
        int got = 0;
        try {
            int before = line.available();
            if (before >= line.getBufferSize()) overruns++;
            waiting.add(before);
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

    /** Times the line was found full before a read: the card may have had to drop audio. */
    long overruns() {
        return overruns;
    }

    /** Audio already waiting in the line when each read started, in bytes. */
    LineFigures waiting() {
        return waiting;
    }

    int lineBufferBytes() {
        return line.getBufferSize();
    }

    @Override
    public void close() {
        LOG.info(() -> name() + ": " + overruns + " overruns; waiting before each read " + waiting.describe(bytesPerMs()));
        line.stop();
        line.close();
    }
}
