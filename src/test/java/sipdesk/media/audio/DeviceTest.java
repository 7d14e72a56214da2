package sipdesk.media.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceTest {

    @TempDir
    Path dir;

    @Test
    void wavSpeakerWritesAFileTheMicrophoneReadsBack() throws IOException {
        Path file = dir.resolve("out.wav");
        short[] frame = new short[320];
        try (WavFileSpeaker speaker = WavFileSpeaker.create(file, 16000)) {
            for (int f = 0; f < 10; f++) {
                for (int i = 0; i < 320; i++) frame[i] = (short) (f * 100 + i);
                assertTrue(speaker.write(frame, 0));
            }
        }
        assertEquals(44 + 10 * 640, Files.size(file));
        WavFileMicrophone mic = WavFileMicrophone.open(file, false);
        assertEquals(16000, mic.sampleRate());
        for (int f = 0; f < 10; f++) {
            mic.read(frame, 0);
            assertEquals(f * 100 + 7, frame[7]);
        }
        assertTrue(mic.finished());
        mic.read(frame, 0);
        assertEquals(0, frame[7]); // silence after the end
    }

    @Test
    void soxWrittenStereoFileIsMixedToMono() throws Exception {
        Path file = dir.resolve("sox.wav");
        Process sox = new ProcessBuilder("sox", "-n", "-r", "48000", "-c", "2", "-b", "16", file.toString(),
                "synth", "0.2", "sine", "1000").redirectErrorStream(true).start();
        if (sox.waitFor() != 0) return; // sox is optional here; the format reader is covered above
        WavFile.Audio audio = WavFile.read(file);
        assertEquals(48000, audio.sampleRate());
        assertEquals(9600, audio.samples().length);
    }

    @Test
    void refusesWhatIsNotPcmWav() throws IOException {
        Path file = dir.resolve("x.wav");
        Files.writeString(file, "not a wav");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> WavFile.read(file));
        assertTrue(e.getMessage().contains("x.wav"));
    }

    /** A card that plays until "unplugged", then fails every write. */
    private static final class FlakyCard implements Speaker {
        volatile boolean unplugged;
        int written;

        @Override public int sampleRate() { return 48000; }
        @Override public boolean write(short[] frame, int offset) { written++; return !unplugged; }
        @Override public boolean clocked() { return true; }
        @Override public String name() { return "flaky"; }
        @Override public void close() { }
    }

    @Test
    void missingCardGivesSilenceAndIsPickedUpWhenItAppears() throws InterruptedException {
        AtomicInteger probes = new AtomicInteger();
        FlakyCard card = new FlakyCard();
        try (HotplugSpeaker speaker = HotplugSpeaker.start("test", () -> probes.incrementAndGet() < 3
                ? Optional.empty() : Optional.of(card), 16000, Duration.ofMillis(20))) {
            assertTrue(speaker.absent());
            assertFalse(speaker.device().clocked());
            assertEquals(16000, speaker.sampleRate());
            assertTrue(speaker.write(new short[320], 0)); // calls go on
            waitFor(() -> speaker.device() == card);
            assertEquals(48000, speaker.sampleRate());
            speaker.device();
            speaker.write(new short[960], 0);
            assertEquals(1, card.written);
        }
    }

    @Test
    void vanishedCardFallsBackToSilenceAndComesBack() throws InterruptedException {
        FlakyCard card = new FlakyCard();
        try (HotplugSpeaker speaker = HotplugSpeaker.start("test", () -> card.unplugged ? Optional.empty()
                : Optional.of(card), 16000, Duration.ofMillis(20))) {
            assertEquals(card, speaker.device());
            card.unplugged = true;
            speaker.write(new short[960], 0);
            assertTrue(speaker.absent());
            assertFalse(speaker.device().clocked());
            card.unplugged = false;
            waitFor(() -> speaker.device() == card);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) Thread.sleep(10);
        assertTrue(condition.getAsBoolean());
    }

    @Test
    void silentDeviceNeverBlocks() {
        SilentDevice silent = new SilentDevice(8000, "none");
        short[] frame = new short[160];
        frame[3] = 5;
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) silent.read(frame, 0);
        assertEquals(0, frame[3]);
        assertTrue(System.nanoTime() - start < 500_000_000L);
    }

    @Test
    void echoLoopPlaysTheMicrophoneBackDelayed() throws IOException {
        short[] samples = new short[8000];
        for (int i = 0; i < samples.length; i++) samples[i] = (short) (i % 100);
        Path in = dir.resolve("in.wav");
        WavFile.write(in, samples, samples.length, 8000);
        Path out = dir.resolve("echo.wav");
        try (WavFileMicrophone mic = WavFileMicrophone.open(in, false);
             WavFileSpeaker speaker = WavFileSpeaker.create(out, 8000)) {
            EchoLoop.run(mic, speaker, 100, 50, false);
        }
        short[] echoed = WavFile.read(out).samples();
        assertEquals(8000, echoed.length);
        assertEquals(0, echoed[799]);
        assertEquals(samples[0], echoed[800]);
        assertEquals(samples[1234], echoed[2034]);
    }
}
