package sipdesk.media.tone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import sipdesk.core.Tone;

class ToneGeneratorTest {

    /** Plays {@code millis} of the tone in 20 ms frames, as the playback thread would pull it. */
    private static short[] play(ToneGenerator generator, int sampleRate, int millis) {
        int frame = sampleRate / 50;
        short[] out = new short[sampleRate * millis / 1000];
        for (int at = 0; at < out.length; at += frame) {
            generator.fill(out, at, Math.min(frame, out.length - at));
        }
        return out;
    }

    private static double dbfsAt(short[] signal, int from, int length, double hz, int rate) {
        return Goertzel.dbfs(new Goertzel(hz, rate).power(signal, from, length));
    }

    @Test
    void usDialToneHolds350And440AndNot1000() {
        ToneGenerator generator = new ToneGenerator(8000);
        generator.start(TonePlans.UNITED_STATES.pattern(Tone.DIAL));
        short[] tone = play(generator, 8000, 1000);
        double expected = Goertzel.dbfs(generator.amplitude() * generator.amplitude() / 2);
        assertEquals(expected, dbfsAt(tone, 0, 8000, 350, 8000), 0.2);
        assertEquals(expected, dbfsAt(tone, 0, 8000, 440, 8000), 0.2);
        assertTrue(dbfsAt(tone, 0, 8000, 1000, 8000) < expected - 50, "no 1000 Hz");
        assertTrue(Goertzel.snrDb(tone, 0, 8000, 8000, 350, 440) > 40);
    }

    @Test
    void defaultLevelIsAboutMinus13Dbm0PerFrequency() {
        ToneGenerator generator = new ToneGenerator(8000);
        // -13 dBm0 is 16.17 dB below a full-scale sine.
        assertEquals(-16.17, Goertzel.dbfs(generator.amplitude() * generator.amplitude() / 2), 0.01);
    }

    @Test
    void phaseRunsOnAcrossFramesWithoutASeam() {
        ToneGenerator generator = new ToneGenerator(16000);
        generator.start(TonePattern.of("1000"));
        short[] tone = play(generator, 16000, 200);
        double step = 2 * Math.PI * 1000 / 16000 * generator.amplitude();
        for (int i = 1; i < tone.length; i++) {
            assertTrue(Math.abs(tone[i] - tone[i - 1]) <= step + 2, "seam at sample " + i);
        }
    }

    @Test
    void busyCadenceSwitchesAtTheRightSample() {
        ToneGenerator generator = new ToneGenerator(8000);
        generator.start(TonePlans.UNITED_STATES.pattern(Tone.BUSY)); // 480+620 500 on, 500 off
        short[] tone = play(generator, 8000, 2000);
        // On for samples 0..3999, off for 4000..7999, on again from 8000.
        assertTrue(maxAbs(tone, 3990, 4000) > 100, "still on just before 500 ms");
        assertEquals(0, maxAbs(tone, 4000, 8000), "silent from exactly 500 ms");
        assertTrue(maxAbs(tone, 8000, 8010) > 0 && maxAbs(tone, 8001, 8010) > 100, "back on at 1000 ms");
        assertEquals(0, maxAbs(tone, 12000, 16000));
    }

    @Test
    void ukRingbackDoubleRingCadence() {
        ToneGenerator generator = new ToneGenerator(8000);
        generator.start(TonePlans.UNITED_KINGDOM.pattern(Tone.RINGBACK)); // 400 on 200 off 400 on 2000 off
        short[] tone = play(generator, 8000, 3400);
        assertTrue(maxAbs(tone, 3000, 3200) > 100);
        assertEquals(0, maxAbs(tone, 3200, 4800));
        assertTrue(maxAbs(tone, 4800, 8000) > 100);
        assertEquals(0, maxAbs(tone, 8000, 24000));
        assertTrue(maxAbs(tone, 24001, 24100) > 100, "the cadence repeats after 3 s");
    }

    @Test
    void onceTonesStop() {
        ToneGenerator generator = new ToneGenerator(8000);
        generator.start(TonePattern.of("!440/100,!0/100,!440/100"));
        short[] tone = play(generator, 8000, 1000);
        assertTrue(maxAbs(tone, 1600, 2400) > 100);
        assertEquals(0, maxAbs(tone, 2400, 8000));
        assertFalse(generator.playing());
    }

    @Test
    void stutterDialToneStuttersOnceThenHoldsSteady() {
        ToneGenerator generator = new ToneGenerator(8000);
        generator.start(TonePlans.UNITED_STATES.pattern(Tone.STUTTER_DIAL));
        short[] tone = play(generator, 8000, 3000);
        assertEquals(0, maxAbs(tone, 800, 1600), "first gap");
        assertEquals(0, maxAbs(tone, 4000, 4800), "third gap");
        assertTrue(minWindowPeak(tone, 4800, 24000, 80) > 100, "steady from 600 ms");
        assertTrue(generator.playing());
    }

    @Test
    void stopSilencesAtOnce() {
        ToneGenerator generator = new ToneGenerator(8000);
        generator.start(TonePlans.GERMANY.pattern(Tone.DIAL));
        play(generator, 8000, 100);
        generator.stop();
        assertEquals(0, maxAbs(play(generator, 8000, 100), 0, 800));
    }

    private static int maxAbs(short[] signal, int from, int to) {
        int max = 0;
        for (int i = from; i < to; i++) {
            max = Math.max(max, Math.abs(signal[i]));
        }
        return max;
    }

    /** The smallest peak over consecutive windows: catches any gap longer than a window. */
    private static int minWindowPeak(short[] signal, int from, int to, int window) {
        int min = Integer.MAX_VALUE;
        for (int at = from; at + window <= to; at += window) {
            min = Math.min(min, maxAbs(signal, at, at + window));
        }
        return min;
    }
}
