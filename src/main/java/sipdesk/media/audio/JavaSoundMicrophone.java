package sipdesk.media.audio;

import java.util.Arrays;
import javax.sound.sampled.TargetDataLine;

/** A javax.sound capture line with a buffer of a few frames; {@link #read} blocks on the card's clock. */
final class JavaSoundMicrophone extends JavaSoundLine<TargetDataLine> implements Microphone {

    JavaSoundMicrophone(TargetDataLine line, int sampleRate, int channels, String name) {
        super(line, sampleRate, channels, name);
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
    public void close() {
        line.stop();
        line.close();
    }
}
