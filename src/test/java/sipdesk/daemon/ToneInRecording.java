package sipdesk.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import sipdesk.media.audio.WavFile;
import sipdesk.media.tone.Goertzel;

/**
 * What a recording holds at one frequency, measured in 400 ms blocks (a whole number of periods of
 * 440 Hz and 1100 Hz, so Goertzel leaks nothing): the median level (dBFS) and signal-to-noise ratio
 * of that frequency against everything else, and the worst block's SNR. The median stands for the
 * steady tone; a single click (a concealed or re-timed frame) shows in {@code worstSnrDb} only.
 */
record ToneInRecording(double hz, int sampleRate, int samples, double levelDbfs, double snrDb, double worstSnrDb) {

    static ToneInRecording measure(WavFile.Audio audio, int from, int length, double hz) {
        short[] s = audio.samples();
        int rate = audio.sampleRate();
        int block = rate * 2 / 5;
        if (from < 0 || from + length > s.length || length < block) {
            throw new IllegalArgumentException("block " + from + "+" + length + " outside " + s.length + " samples");
        }
        int blocks = length / block;
        double[] levels = new double[blocks];
        double[] snrs = new double[blocks];
        Goertzel g = new Goertzel(hz, rate);
        for (int b = 0; b < blocks; b++) {
            int at = from + b * block;
            levels[b] = Goertzel.dbfs(g.power(s, at, block));
            snrs[b] = Goertzel.snrDb(s, at, block, rate, hz);
        }
        double worst = Arrays.stream(snrs).min().orElseThrow();
        return new ToneInRecording(hz, rate, blocks * block, median(levels), median(snrs), worst);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The middle half of a whole recording (past the call's start and end). */
    static ToneInRecording middleOf(Path wav, double hz) throws IOException {
        WavFile.Audio audio = WavFile.read(wav);
        int n = audio.samples().length;
        return measure(audio, n / 4, n / 2, hz);
    }

    @Override
    public String toString() {
        return "%.0f Hz: %.1f dBFS, SNR %.1f dB (worst 400 ms block %.1f dB) over %d samples at %d Hz"
                .formatted(hz, levelDbfs, snrDb, worstSnrDb, samples, sampleRate);
    }
}
