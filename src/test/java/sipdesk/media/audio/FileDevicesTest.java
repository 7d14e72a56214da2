package sipdesk.media.audio;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.testing.LogRecorder;

/** {@code file:} device settings: the microphone loops a WAV, the earpiece's WAV is readable while it grows. */
class FileDevicesTest {
    @TempDir
    Path dir;

    @Test
    void fileSettingsOpenFilesAndOtherSettingsNameCards() {
        assertEquals(Optional.of(Path.of("/tmp/x.wav")), FileDevices.file(Optional.of("file:/tmp/x.wav")));
        assertEquals(Optional.empty(), FileDevices.file(Optional.of("USB Audio")));
        assertEquals(Optional.empty(), FileDevices.file(Optional.empty()));
    }

    @Test
    void configuredMicrophoneLoopsTheFile() throws IOException {
        Path in = dir.resolve("in.wav");
        short[] ramp = new short[480]; // 1.5 frames at 16 kHz: the loop wraps inside a frame
        for (int i = 0; i < ramp.length; i++) ramp[i] = (short) (i + 1);
        WavFile.write(in, ramp, ramp.length, 16000);
        try (HotplugMicrophone mic = HotplugMicrophone.configured("mic", Optional.of("file:" + in), 16000)) {
            assertFalse(mic.absent());
            assertTrue(mic.name().contains(in.toString()));
            short[] frame = new short[320];
            mic.read(frame, 0);
            mic.read(frame, 0);
            assertEquals(321, frame[0]);
            assertEquals(480, frame[159]);
            assertEquals(1, frame[160], "starts again at the end of the file");
        }
    }

    @Test
    void earpieceFileIsReadableWhileItIsStillBeingWritten() throws IOException {
        Path out = dir.resolve("out.wav");
        try (HotplugSpeaker earpiece = HotplugSpeaker.configured("earpiece", Optional.of("file:" + out), 16000)) {
            short[] frame = new short[320];
            for (int f = 0; f < 77; f++) {
                java.util.Arrays.fill(frame, (short) (1000 + f));
                earpiece.write(frame, 0);
            }
            assertEquals(50 * 320, WavFile.read(out).samples().length, "header rewritten after each second");
        }
        short[] all = WavFile.read(out).samples();
        assertEquals(77 * 320, all.length, "and finished on close, frames still gathered included");
        for (int f = 0; f < 77; f++) assertEquals(1000 + f, all[f * 320 + 319], "frame " + f + " in its place");
    }

    @Test
    void anUnreadableCaptureFileFallsBackToSilence() {
        try (HotplugMicrophone mic = HotplugMicrophone.configured("mic", Optional.of("file:" + dir.resolve("none.wav")), 16000)) {
            assertTrue(mic.absent());
        }
    }

    @Test
    void aMissingCaptureFileIsWarnedOfOnceNamingTheFileNotASoundCard() throws InterruptedException {
        Path missing = dir.resolve("none.wav");
        try (LogRecorder log = new LogRecorder("sipdesk.media.audio")) {
            try (HotplugMicrophone mic = HotplugMicrophone.configured("mic", Optional.of("file:" + missing), 16000)) {
                // A re-probe that failed again, seen to have happened: it must not warn a second time.
                long deadline = System.nanoTime() + HotplugDevice.REPROBE.multipliedBy(4).toNanos();
                while (mic.openAttempts() < 2 && System.nanoTime() < deadline) Thread.sleep(20); // polling interval
                assertTrue(mic.openAttempts() >= 2, "no re-probe in " + HotplugDevice.REPROBE.multipliedBy(4));
                assertTrue(mic.absent());
            }
            List<String> warnings = log.atLeast(Level.WARNING);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains(missing + " does not exist"), warnings.toString());
            assertFalse(warnings.get(0).contains("sound card"), warnings.toString());
        }
    }
}
