package sipdesk.media.tone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import sipdesk.core.Tone;

class MixerTest {

    @Test
    void loudSumsSaturateInsteadOfWrapping() {
        Mixer mixer = new Mixer(160);
        short[] loud = new short[160];
        short[] quiet = new short[160];
        java.util.Arrays.fill(loud, (short) 30000);
        java.util.Arrays.fill(quiet, (short) 5000);
        mixer.begin(4);
        mixer.add(loud, 0);
        mixer.add(quiet, 0);
        short[] out = new short[4];
        mixer.finish(out, 0);
        assertArrayEquals(new short[] {32767, 32767, 32767, 32767}, out);
    }

    @Test
    void negativeSumsSaturateToo() {
        short[] target = {-30000, -1, 100};
        Mixer.mixInto(target, 0, new short[] {-30000, -32768, 100}, 0, 3);
        assertArrayEquals(new short[] {-32768, -32768, 200}, target);
    }

    @Test
    void gainScalesASource() {
        Mixer mixer = new Mixer(2);
        mixer.begin(2);
        mixer.add(new short[] {1000, -1000}, 0, 16384);
        short[] out = new short[2];
        mixer.finish(out, 0);
        assertArrayEquals(new short[] {500, -500}, out);
    }

    @Test
    void callWaitingBeepIsHeardOverTheVoice() {
        int rate = 8000;
        short[] voice = new short[160];
        for (int i = 0; i < voice.length; i++) {
            voice[i] = (short) (8000 * Math.sin(2 * Math.PI * 300 * i / rate));
        }
        ToneGenerator beep = new ToneGenerator(rate);
        beep.start(TonePlans.UNITED_STATES.pattern(Tone.CALL_WAITING));
        short[] tone = new short[160];
        beep.fill(tone, 0, 160);
        Mixer mixer = new Mixer(160);
        mixer.begin(160);
        mixer.add(voice, 0);
        mixer.add(tone, 0);
        short[] out = new short[160];
        mixer.finish(out, 0);
        double beepLevel = new Goertzel(440, rate).power(out, 0, 160);
        double voiceLevel = new Goertzel(300, rate).power(out, 0, 160);
        assertEquals(beep.amplitude() * beep.amplitude() / 2, beepLevel, beepLevel * 0.2);
        assertTrue(voiceLevel > 8000.0 * 8000 / 2 * 0.8);
    }
}
