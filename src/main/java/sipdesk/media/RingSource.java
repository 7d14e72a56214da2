package sipdesk.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import sipdesk.media.audio.Resampler;
import sipdesk.media.audio.WavFile;
import sipdesk.media.tone.ToneGenerator;
import sipdesk.media.tone.TonePattern;

/**
 * What the ringer plays: the configured ringtone WAV, looped (converted once to the engine rate when
 * loaded), or a generated double ring when there is none or it cannot be read. Frames at
 * {@link MediaEngine#ENGINE_RATE}; allocation-free per frame; owned by one playback thread.
 */
final class RingSource {

    private static final Logger LOG = Logger.getLogger(RingSource.class.getName());
    /** A warbling double ring: two 400 ms bursts of 800+1000 Hz, then 2 s of quiet. */
    static final TonePattern GENERATED_RING = TonePattern.of("800+1000/400,0/200,800+1000/400,0/2000");

    private final short[] ringtone;
    private final ToneGenerator generator;
    private int position;

    private RingSource(short[] ringtone, ToneGenerator generator) {
        this.ringtone = ringtone;
        this.generator = generator;
    }

    static RingSource load(Optional<Path> ringtone, int rate) {
        if (ringtone.isPresent()) {
            try {
                return new RingSource(toRate(WavFile.read(ringtone.get()), rate), null);
            } catch (IOException e) {
                LOG.warning(() -> "sipdesk.ringtone: " + e.getMessage() + "; ringing with the generated ring");
            }
        }
        return new RingSource(null, new ToneGenerator(rate, -6));
    }

    private static short[] toRate(WavFile.Audio audio, int rate) throws IOException {
        if (audio.sampleRate() % 50 != 0) throw new IOException("sample rate " + audio.sampleRate() + " Hz not usable");
        if (audio.samples().length == 0) throw new IOException("no samples");
        Resampler resampler = new Resampler(audio.sampleRate(), rate);
        int frames = audio.samples().length / resampler.inSamples();
        short[] in = java.util.Arrays.copyOf(audio.samples(), (frames + 1) * resampler.inSamples());
        short[] out = new short[(frames + 1) * resampler.outSamples()];
        for (int f = 0; f <= frames; f++) {
            resampler.frame(in, f * resampler.inSamples(), out, f * resampler.outSamples());
        }
        return out;
    }

    /** Starts from the beginning (each time the phone starts ringing). */
    void restart() {
        position = 0;
        if (generator != null) generator.start(GENERATED_RING);
    }

    void fill(short[] frame, int samples) {
        if (generator != null) {
            generator.fill(frame, 0, samples);
            return;
        }
        for (int i = 0; i < samples; i++) {
            frame[i] = ringtone[position];
            position = position + 1 == ringtone.length ? 0 : position + 1;
        }
    }
}
