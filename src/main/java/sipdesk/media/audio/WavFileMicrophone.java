package sipdesk.media.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A microphone that speaks a WAV file (for tests and {@code sipdesk audio test}); silence once the
 * file has played, or it starts again when looping. Not clocked: the engine paces it.
 */
public final class WavFileMicrophone extends UnclockedDevice implements Microphone {

    private final short[] samples;
    private final boolean loop;
    private final String name;
    private int position;

    private WavFileMicrophone(short[] samples, int sampleRate, boolean loop, String name) {
        super(sampleRate);
        this.samples = samples;
        this.loop = loop;
        this.name = name;
    }

    public static WavFileMicrophone open(Path path, boolean loop) throws IOException {
        WavFile.Audio audio = WavFile.read(path);
        if (audio.sampleRate() % 50 != 0) throw new IOException(path + ": rate " + audio.sampleRate() + " Hz");
        return new WavFileMicrophone(audio.samples(), audio.sampleRate(), loop, path.toString());
    }

    @Override
    public boolean read(short[] frame, int offset) {
        int n = frameSamples();
        for (int i = 0; i < n; i++) {
            if (position == samples.length) {
                if (!loop || samples.length == 0) {
                    Arrays.fill(frame, offset + i, offset + n, (short) 0);
                    return true;
                }
                position = 0;
            }
            frame[offset + i] = samples[position++];
        }
        return true;
    }

    /** True once a non-looping file has played to its end. */
    public boolean finished() {
        return !loop && position == samples.length;
    }

    @Override
    public String name() {
        return "file " + name;
    }

    @Override
    public void close() {
    }
}
