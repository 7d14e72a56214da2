package sipdesk.media;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import sipdesk.core.Tone;
import sipdesk.media.codec.AudioCodec;
import sipdesk.media.codec.Codecs;
import sipdesk.media.jitter.JitterBuffer;
import sipdesk.media.jitter.TimeScaler;
import sipdesk.media.tone.Goertzel;
import sipdesk.media.tone.Mixer;
import sipdesk.media.tone.ToneGenerator;
import sipdesk.media.tone.TonePlans;

/** STYLE.md rule 8, measured: a call's worth of frames through every media piece allocates nothing. */
class AudioPathAllocationTest {

    private static final int FRAMES = 2000;

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }

    /** Runs the whole path for {@code frames} frames: tone, mix, encode, buffer, decode, conceal. */
    private static void runFrames(int frames, AudioCodec codec, ToneGenerator tone, Mixer mixer,
            JitterBuffer buffer, TimeScaler scaler, Goertzel goertzel, short[] pcm, short[] beep, byte[] payload, byte[] played,
            short[] decoded, long[] sink) {
        int samples = codec.samplesPerFrame();
        for (int i = 0; i < frames; i++) {
            tone.fill(beep, 0, samples);
            mixer.begin(samples);
            mixer.add(pcm, 0);
            mixer.add(beep, 0, 16384);
            mixer.finish(pcm, 0);
            int bytes = codec.encode(pcm, 0, samples, payload, 0);
            if (i % 17 != 5) {
                buffer.put(7, i, (long) i * codec.rtpTicks(samples), payload, 0, bytes, i * 20_000_000L);
            }
            int length = buffer.get(played, 0);
            if (length >= 0) {
                codec.decode(played, 0, length, decoded, 0);
            } else {
                codec.conceal(decoded, 0, samples);
            }
            sink[0] += (long) goertzel.power(decoded, 0, samples);
            // The time-scaler as the phone runs it: a frame's worth shortened or lengthened now and then.
            while (scaler.needsFrame()) {
                System.arraycopy(decoded, 0, scaler.input(), scaler.inputOffset(), samples);
                scaler.appended(i % 50 == 0 ? 1 : i % 50 == 25 ? -1 : 0);
            }
            scaler.read(decoded, 0);
        }
    }

    private static void assertNoAllocation(String codecName) {
        AudioCodec codec = Codecs.create(codecName).orElseThrow();
        int samples = codec.samplesPerFrame();
        ToneGenerator tone = new ToneGenerator(codec.sampleRate());
        tone.start(TonePlans.UNITED_KINGDOM.pattern(Tone.CALL_WAITING));
        Mixer mixer = new Mixer(samples);
        JitterBuffer buffer = JitterBuffer.forTwentyMsFrames(8000, codec.payloadBytes(samples));
        Goertzel goertzel = new Goertzel(400, codec.sampleRate());
        TimeScaler scaler = new TimeScaler(codec.sampleRate(), samples);
        short[] pcm = new short[samples];
        short[] beep = new short[samples];
        byte[] payload = new byte[codec.payloadBytes(samples)];
        byte[] played = new byte[payload.length];
        short[] decoded = new short[samples];
        long[] sink = new long[1];

        runFrames(FRAMES, codec, tone, mixer, buffer, scaler, goertzel, pcm, beep, payload, played, decoded, sink);
        // The least of three runs: a deoptimisation now and then (the JIT recompiling a method whose
        // allocations it had removed) allocates once, about a kilobyte, in one run; one object per
        // frame would show in every run as over 30 kB.
        long allocated = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long before = allocatedBytes();
            runFrames(FRAMES, codec, tone, mixer, buffer, scaler, goertzel, pcm, beep, payload, played, decoded, sink);
            allocated = Math.min(allocated, allocatedBytes() - before);
        }
        assertTrue(allocated < 1024, codecName + ": " + allocated + " bytes allocated over " + FRAMES + " frames");
    }

    @Test
    void muLawPathAllocatesNothingPerFrame() {
        assertNoAllocation("PCMU");
    }

    @Test
    void g722PathAllocatesNothingPerFrame() {
        assertNoAllocation("G722");
    }
}
