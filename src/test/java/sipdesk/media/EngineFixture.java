package sipdesk.media;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import sipdesk.config.SipdeskConfig;
import sipdesk.core.PhoneEvent;
import sipdesk.media.audio.HotplugMicrophone;
import sipdesk.media.audio.HotplugSpeaker;
import sipdesk.media.audio.WavFile;
import sipdesk.media.audio.WavFileMicrophone;
import sipdesk.media.audio.WavFileSpeaker;
import sipdesk.media.tone.Goertzel;

/** A media engine whose handset is a WAV file pair: a microphone playing a tone, an earpiece recording. */
final class EngineFixture implements AutoCloseable {

    final MediaEngine engine;
    final List<PhoneEvent> events = new CopyOnWriteArrayList<>();
    private final Path earpieceFile;
    private boolean closed;

    EngineFixture(Path dir, String name, double micHz, MediaSetup setup) throws IOException {
        this(dir, name, micHz, setup, Optional.empty());
    }

    EngineFixture(Path dir, String name, double micHz, MediaSetup setup, Optional<HotplugSpeaker> ringer)
            throws IOException {
        Path mic = dir.resolve(name + "-mic.wav");
        short[] samples = new short[16000 * 10];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = micHz == 0 ? 0 : (short) (6000 * Math.sin(2 * Math.PI * micHz * i / 16000));
        }
        WavFile.write(mic, samples, samples.length, 16000);
        earpieceFile = dir.resolve(name + "-earpiece.wav");
        WavFileMicrophone microphone = WavFileMicrophone.open(mic, true);
        WavFileSpeaker earpiece = WavFileSpeaker.create(earpieceFile, 16000);
        engine = MediaEngine.start(setup, events::add,
                HotplugMicrophone.start(name + " mic", () -> Optional.of(microphone), 16000, Duration.ofMinutes(1)),
                HotplugSpeaker.start(name + " earpiece", () -> Optional.of(earpiece), 16000, Duration.ofMinutes(1)),
                ringer);
    }

    static MediaSetup setup() {
        return MediaSetup.from(SipdeskConfig.defaults(), InetAddress.getLoopbackAddress());
    }

    /**
     * Waits (bounded) until each engine's handset has run {@code n} more 20 ms frames, so that each
     * recording has grown by {@code n} frames whatever the machine's load.
     */
    static void runFrames(int n, EngineFixture... fixtures) throws InterruptedException {
        long[] targets = new long[fixtures.length];
        for (int i = 0; i < fixtures.length; i++) targets[i] = fixtures[i].engine.frames() + n;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (int i = 0; i < fixtures.length; i++) {
            while (fixtures[i].engine.frames() < targets[i] && System.nanoTime() < deadline) Thread.sleep(5);
            if (fixtures[i].engine.frames() < targets[i]) {
                throw new AssertionError("the handset ran " + fixtures[i].engine.frames() + " of " + targets[i] + " frames in 30 s");
            }
        }
    }

    /** Waits (bounded) until the handset thread is parked with nothing to do. */
    void awaitRest() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!engine.handsetResting() && System.nanoTime() < deadline) Thread.sleep(5);
        if (!engine.handsetResting()) throw new AssertionError("the handset still runs frames after 30 s: " + engine.frames());
    }

    /** Waits (bounded) until {@code count} events were posted. */
    void awaitEvents(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (events.size() < count && System.nanoTime() < deadline) Thread.sleep(5);
    }

    /** The earpiece recording so far (closes the engine). */
    short[] earpiece() throws IOException {
        close();
        return WavFile.read(earpieceFile).samples();
    }

    /** The share of 20 ms frames in [fromMs, toMs) of the recording in which {@code hz} carries most of the power. */
    static double framesWith(short[] pcm, double hz, int fromMs, int toMs, double minShare) {
        Goertzel g = new Goertzel(hz, 16000);
        int frames = 0;
        int hits = 0;
        for (int at = fromMs * 16; at + 320 <= Math.min(pcm.length, toMs * 16); at += 320) {
            frames++;
            double all = Goertzel.meanSquare(pcm, at, 320);
            if (all > 1e4 && g.power(pcm, at, 320) >= minShare * all) hits++;
        }
        return frames == 0 ? 0 : (double) hits / frames;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            engine.close();
        }
    }
}
