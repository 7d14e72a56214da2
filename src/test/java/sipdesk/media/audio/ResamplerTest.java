package sipdesk.media.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import sipdesk.media.tone.Goertzel;

class ResamplerTest {

    /** Runs 50 frames of a tone through; returns the share of the output's power at the tone (last frame). */
    private static double toneShareAfter(int inRate, int outRate, double hz) {
        Resampler r = new Resampler(inRate, outRate);
        short[] in = new short[r.inSamples()];
        short[] out = new short[r.outSamples()];
        long n = 0;
        for (int f = 0; f < 50; f++) {
            for (int i = 0; i < in.length; i++, n++) in[i] = (short) (10000 * Math.sin(2 * Math.PI * hz * n / inRate));
            r.frame(in, 0, out, 0);
        }
        return new Goertzel(hz, outRate).power(out, 0, out.length) / Goertzel.meanSquare(out, 0, out.length);
    }

    @Test
    void narrowbandCodecToWidebandEngineKeepsTheTone() {
        assertTrue(toneShareAfter(8000, 16000, 1000) > 0.95);
    }

    @Test
    void engineToUsbCardRateKeepsTheTone() {
        assertTrue(toneShareAfter(16000, 48000, 3000) > 0.95);
        assertTrue(toneShareAfter(16000, 44100, 1000) > 0.95);
    }

    @Test
    void cardRateDownToEngineKeepsTheTone() {
        assertTrue(toneShareAfter(48000, 16000, 1000) > 0.95);
        assertTrue(toneShareAfter(44100, 16000, 440) > 0.95);
        assertTrue(toneShareAfter(16000, 8000, 1000) > 0.95);
    }

    @Test
    void eachFrameInGivesExactlyOneFrameOut() {
        Resampler r = new Resampler(44100, 16000);
        assertEquals(882, r.inSamples());
        assertEquals(320, r.outSamples());
    }

    @Test
    void convertingAllocatesNothingPerFrame() {
        Resampler up = new Resampler(16000, 48000);
        Resampler down = new Resampler(48000, 16000);
        short[] a = new short[320];
        short[] b = new short[960];
        for (int i = 0; i < 1000; i++) {
            up.frame(a, 0, b, 0);
            down.frame(b, 0, a, 0);
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1000; i++) {
            up.frame(a, 0, b, 0);
            down.frame(b, 0, a, 0);
        }
        assertTrue(threads.getCurrentThreadAllocatedBytes() - before < 1024);
    }
}
