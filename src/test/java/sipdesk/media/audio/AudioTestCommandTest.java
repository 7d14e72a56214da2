package sipdesk.media.audio;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.config.ConfigFile;
import sipdesk.config.ConfigLoad;
import sipdesk.config.SipdeskConfig;
import sipdesk.config.Strictness;
import sipdesk.media.tone.Goertzel;

/** {@code sipdesk audio test} on file devices: what it plays lands in the files, what it hears is measured. */
class AudioTestCommandTest {
    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    static SipdeskConfig cfg(String text) {
        ConfigLoad load = ConfigFile.parse("sipdesk.cfg", ("#!version:1.0.0.1\n" + text).getBytes(UTF_8), Strictness.LENIENT);
        return assertInstanceOf(ConfigLoad.Loaded.class, load).config();
    }

    int run(SipdeskConfig cfg, String... args) {
        return AudioTestCommand.run(List.of(args), cfg, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    }

    static void tone(Path path, int hz, double amplitude, int rate, double seconds) throws IOException {
        short[] s = new short[(int) (rate * seconds)];
        for (int i = 0; i < s.length; i++) s[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * i / rate));
        WavFile.write(path, s, s.length, rate);
    }

    static double levelDbfs(Path wav, int hz) throws IOException {
        WavFile.Audio a = WavFile.read(wav);
        return Goertzel.dbfs(new Goertzel(hz, a.sampleRate()).power(a.samples(), 0, a.samples().length));
    }

    @Test
    void playsTheToneOnEachOutputAndReportsTheMicrophoneLevel() throws IOException {
        Path in = dir.resolve("in.wav");
        tone(in, 1100, 0.3, 8000, 0.5); // shorter than the recording: the microphone loops it
        Path earpiece = dir.resolve("earpiece.wav");
        Path ringer = dir.resolve("ringer.wav");
        int code = run(cfg("sipdesk.audio.capture = file:" + in + "\nsipdesk.audio.playback = file:" + earpiece
                + "\nsipdesk.audio.ringer = file:" + ringer + "\n"));

        assertEquals(0, code, err.toString(UTF_8));
        String report = out.toString(UTF_8);
        assertTrue(report.contains("microphone: file " + in + ": level -10.5 dBFS over 3 s"), report);
        assertTrue(report.contains("strongest near 1100 Hz"), report);
        for (Path played : List.of(earpiece, ringer)) {
            assertEquals(16000, WavFile.read(played).samples().length, played + " holds 1 s at 16 kHz");
            assertEquals(-12.0, levelDbfs(played, 1000), 0.1, played.toString());
        }
    }

    @Test
    void echoPlaysTheMicrophoneBackOnTheEarpiece() throws IOException {
        Path in = dir.resolve("in.wav");
        tone(in, 700, 0.3, 16000, 1);
        Path earpiece = dir.resolve("earpiece.wav");
        int code = run(cfg("sipdesk.audio.capture = file:" + in + "\nsipdesk.audio.playback = file:" + earpiece + "\n"),
                "--seconds", "1", "--echo");

        assertEquals(0, code, err.toString(UTF_8));
        WavFile.Audio echoed = WavFile.read(earpiece);
        assertEquals(16000, echoed.samples().length);
        // The first 300 ms are the delay line's silence; the rest is the microphone's tone.
        short[] s = echoed.samples();
        assertEquals(-10.5, Goertzel.dbfs(new Goertzel(700, 16000).power(s, 8000, 8000)), 0.2);
        assertTrue(Goertzel.meanSquare(s, 0, 4800) == 0, "delay line starts silent");
    }

    @Test
    void aMissingCaptureFileIsReportedByName() {
        Path missing = dir.resolve("nope.wav");
        int code = run(cfg("sipdesk.audio.capture = file:" + missing + "\nsipdesk.audio.playback = file:"
                + dir.resolve("out.wav") + "\n"));
        assertEquals(1, code);
        assertTrue(err.toString(UTF_8).contains("microphone: cannot open 'file:" + missing + "'"), err.toString(UTF_8));
    }

    @Test
    void wrongUsageSaysHow() {
        assertEquals(2, run(cfg(""), "--seconds", "x"));
        assertEquals(2, run(cfg(""), "--loud"));
        assertTrue(err.toString(UTF_8).contains(AudioTestCommand.USAGE));
    }
}
