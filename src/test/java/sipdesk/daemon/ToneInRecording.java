package sipdesk.daemon;

import java.io.IOException;
import java.nio.file.Path;
import sipdesk.media.audio.WavFile;
import sipdesk.media.tone.Goertzel;

/**
 * What a recording holds at one frequency: its level (dBFS, from Goertzel) and the signal-to-noise
 * ratio of that frequency against everything else in the same block.
 */
record ToneInRecording(double hz, int sampleRate, int samples, double levelDbfs, double snrDb) {

    /** Measures {@code block} samples of {@code audio} from {@code from}. */
    static ToneInRecording measure(WavFile.Audio audio, int from, int length, double hz) {
        short[] s = audio.samples();
        if (from < 0 || from + length > s.length) {
            throw new IllegalArgumentException("block " + from + "+" + length + " outside " + s.length + " samples");
        }
        double power = new Goertzel(hz, audio.sampleRate()).power(s, from, length);
        return new ToneInRecording(hz, audio.sampleRate(), length, Goertzel.dbfs(power),
                Goertzel.snrDb(s, from, length, audio.sampleRate(), hz));
    }

    /** The middle half of a whole recording (past the call's start and end). */
    static ToneInRecording middleOf(Path wav, double hz) throws IOException {
        WavFile.Audio audio = WavFile.read(wav);
        int n = audio.samples().length;
        return measure(audio, n / 4, n / 2, hz);
    }

    @Override
    public String toString() {
        return "%.0f Hz: %.1f dBFS, SNR %.1f dB over %d samples at %d Hz".formatted(hz, levelDbfs, snrDb, samples, sampleRate);
    }
}
