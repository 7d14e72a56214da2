package sipdesk.media.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.SourceDataLine;
import org.junit.jupiter.api.Test;

/**
 * The earpiece's write-ahead on a fake line whose queue the test sets: one frame of silence goes
 * ahead only when the line is empty, and an empty line after the start is an underrun.
 */
class JavaSoundSpeakerTest {

    private static final int FRAME_BYTES = 640; // 20 ms at 16 kHz mono
    private int queuedBytes;
    private final List<Integer> writes = new ArrayList<>();
    private final List<Boolean> silentWrites = new ArrayList<>();

    private JavaSoundSpeaker speaker() {
        SourceDataLine line = (SourceDataLine) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SourceDataLine.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isOpen" -> true;
                    case "getBufferSize" -> 2 * FRAME_BYTES;
                    case "available" -> 2 * FRAME_BYTES - queuedBytes;
                    case "write" -> {
                        byte[] data = (byte[]) args[0];
                        int length = (Integer) args[2];
                        boolean silent = true;
                        for (int i = 0; i < length; i++) silent &= data[i] == 0;
                        writes.add(length);
                        silentWrites.add(silent);
                        queuedBytes += length;
                        yield length;
                    }
                    case "flush" -> {
                        queuedBytes = 0;
                        yield null;
                    }
                    default -> null;
                });
        return new JavaSoundSpeaker(line, 16000, 1, "fake");
    }

    private static short[] tone() {
        short[] frame = new short[320];
        for (int i = 0; i < frame.length; i++) frame[i] = (short) (1000 * Math.sin(i / 3.0) + 1);
        return frame;
    }

    @Test
    void anEmptyLineGetsOneFrameOfSilenceAheadThenEachFrameAlone() {
        JavaSoundSpeaker speaker = speaker();
        speaker.write(tone(), 0);
        assertEquals(List.of(true, false), silentWrites, "silence first, then the frame");
        queuedBytes = FRAME_BYTES; // the card played one frame meanwhile
        speaker.write(tone(), 0);
        assertEquals(List.of(true, false, false), silentWrites);
        assertEquals(0, speaker.underruns());
        assertEquals(2, speaker.queued().count());
        assertEquals(FRAME_BYTES, speaker.queued().maxBytes(), "a frame queued ahead when the second was written");
    }

    @Test
    void aLineThatRanDryIsAnUnderrunAndIsPrimedAgain() {
        JavaSoundSpeaker speaker = speaker();
        speaker.write(tone(), 0);
        queuedBytes = FRAME_BYTES;
        speaker.write(tone(), 0);
        queuedBytes = 0; // the loop came late: the card played all it had and ran dry
        speaker.write(tone(), 0);
        assertEquals(List.of(true, false, false, true, false), silentWrites);
        assertEquals(1, speaker.underruns());
        try (HotplugSpeaker plugged = HotplugSpeaker.start("earpiece", () -> java.util.Optional.of(speaker), 16000,
                java.time.Duration.ofMinutes(1))) {
            assertEquals(1, plugged.underruns(), "what sipdesk status shows for the card in use");
        }
    }

    @Test
    void aSinkThatHoldsNothingIsPrimedOnceNotEveryFrame() {
        JavaSoundSpeaker speaker = speaker();
        for (int i = 0; i < 5; i++) {
            speaker.write(tone(), 0);
            queuedBytes = 0; // ALSA's null plugin takes everything at once
        }
        assertEquals(List.of(true, false, false, false, false, false), silentWrites);
        assertEquals(0, speaker.underruns());
    }

    @Test
    void aLineResumedAfterTheHandsetRestedIsPrimedAgainAndTheRestIsNoUnderrun() {
        JavaSoundSpeaker speaker = speaker();
        speaker.write(tone(), 0);
        queuedBytes = FRAME_BYTES;
        speaker.write(tone(), 0);
        speaker.pause(); // stopped and flushed: the line is empty for the whole rest
        speaker.resume();
        speaker.write(tone(), 0);
        assertEquals(List.of(true, false, false, true, false), silentWrites);
        assertEquals(0, speaker.underruns());
    }
}
