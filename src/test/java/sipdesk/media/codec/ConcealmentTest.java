package sipdesk.media.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Packet loss concealment: the substitute continues the voice's pitch, then fades out. */
class ConcealmentTest {

    /** Frequency of a frame by counting zero crossings (good enough for a pure tone). */
    private static double frequency(short[] frame, int sampleRate) {
        int crossings = 0;
        for (int i = 1; i < frame.length; i++) {
            if ((frame[i - 1] < 0) != (frame[i] < 0)) {
                crossings++;
            }
        }
        return crossings * sampleRate / (2.0 * frame.length);
    }

    private static double rms(short[] frame) {
        double sum = 0;
        for (short sample : frame) {
            sum += (double) sample * sample;
        }
        return Math.sqrt(sum / frame.length);
    }

    /** Feeds 200 ms of a tone through encode and decode, then asks for {@code lost} concealed frames. */
    private static short[][] loseFramesAfterTone(AudioCodec codec, double toneHz, int lost) {
        int rate = codec.sampleRate();
        int frame = codec.samplesPerFrame();
        short[] tone = TestSignals.tone(rate, toneHz, 10000, 10 * frame);
        byte[] payload = new byte[codec.payloadBytes(frame)];
        short[] decoded = new short[frame];
        for (int at = 0; at < tone.length; at += frame) {
            int bytes = codec.encode(tone, at, frame, payload, 0);
            codec.decode(payload, 0, bytes, decoded, 0);
        }
        short[][] concealed = new short[lost][frame];
        for (int i = 0; i < lost; i++) {
            assertEquals(frame, codec.conceal(concealed[i], 0, frame));
        }
        return concealed;
    }

    @Test
    void muLawConcealedFrameContinuesTheTonesFrequency() {
        short[][] concealed = loseFramesAfterTone(G711Codec.pcmu(), 500, 1);
        assertEquals(500, frequency(concealed[0], 8000), 30);
        assertTrue(rms(concealed[0]) > 0.5 * 10000 / Math.sqrt(2), "first lost frame keeps most of the level");
    }

    @Test
    void g722ConcealedFrameContinuesTheTonesFrequency() {
        short[][] concealed = loseFramesAfterTone(new G722Codec(), 400, 1);
        assertEquals(400, frequency(concealed[0], 16000), 30);
    }

    @Test
    void aLawConcealmentFadesOverConsecutiveLossesAndFallsSilentAfter60Ms() {
        short[][] concealed = loseFramesAfterTone(G711Codec.pcma(), 700, 4);
        assertTrue(rms(concealed[1]) < rms(concealed[0]), "second lost frame is quieter");
        assertTrue(rms(concealed[2]) < rms(concealed[1]), "third lost frame is quieter still");
        assertEquals(0, rms(concealed[3]), 1, "silent after 60 ms of loss");
    }

    @Test
    void g722ConcealmentFadesOverConsecutiveLosses() {
        short[][] concealed = loseFramesAfterTone(new G722Codec(), 300, 4);
        assertTrue(rms(concealed[1]) < rms(concealed[0]));
        assertTrue(rms(concealed[2]) < rms(concealed[1]));
        assertEquals(0, rms(concealed[3]), 1);
    }

    @Test
    void theFirstGoodFrameAfterALossJoinsWithoutAJump() {
        AudioCodec codec = G711Codec.pcmu();
        loseFramesAfterTone(codec, 500, 1);
        // The tone goes on where it would have been; the first decoded sample must be near the
        // substitute's continuation, not wherever the decoder lands.
        short[] tone = TestSignals.tone(8000, 500, 10000, 12 * 160);
        byte[] payload = new byte[160];
        codec.encode(tone, 11 * 160, 160, payload, 0);
        short[] decoded = new short[160];
        codec.decode(payload, 0, 160, decoded, 0);
        for (int i = 1; i < 160; i++) {
            assertTrue(Math.abs(decoded[i] - decoded[i - 1]) < 5000, "jump at " + i);
        }
    }

    @Test
    void codecsAreFoundBySdpNameAndStaticPayloadType() {
        assertEquals("PCMU", Codecs.create("pcmu").orElseThrow().encodingName());
        assertEquals(8, Codecs.create("PCMA").orElseThrow().payloadType());
        assertEquals("G722", Codecs.forStaticPayloadType(9).orElseThrow().encodingName());
        assertTrue(Codecs.create("G729").isEmpty());
        assertTrue(Codecs.forStaticPayloadType(18).isEmpty());
    }
}
