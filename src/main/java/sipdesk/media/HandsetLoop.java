package sipdesk.media;

import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import sipdesk.media.audio.FrameClock;
import sipdesk.media.audio.HotplugMicrophone;
import sipdesk.media.audio.HotplugSpeaker;
import sipdesk.media.audio.Microphone;
import sipdesk.media.audio.Resampler;
import sipdesk.media.audio.Speaker;
import sipdesk.media.tone.Mixer;
import sipdesk.media.tone.ToneGenerator;
import sipdesk.media.tone.TonePattern;

/**
 * The device-clock thread of the handset: once per 20 ms frame it pulls each connected call's frame
 * from its jitter buffer, plays their sum with the tone (and the ring when the ringer shares this card)
 * on the earpiece, reads the microphone, and sends each call the microphone plus the other call's
 * voice (a local three-way conference, YEALINK.md flow 11). The card's own clock paces the loop;
 * without a card a {@link FrameClock} does. Allocation-free per frame.
 *
 * <p>With nothing to play or send (no call open, no tone, no ring on this card) the thread rests:
 * parked without a timeout and with its devices paused, until {@link MediaEngine} unparks it for a
 * call, a command or its close. A phone at rest then costs no wake-ups at all.
 */
final class HandsetLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(HandsetLoop.class.getName());
    private static final int N = MediaEngine.ENGINE_FRAME;

    private final MediaEngine engine;
    private final HotplugMicrophone microphone;
    private final HotplugSpeaker earpiece;
    private final RingSource ring;
    private final boolean ringHere;
    private final FrameClock clock = new FrameClock(20);
    private final ToneGenerator tone = new ToneGenerator(MediaEngine.ENGINE_RATE);
    private final Mixer mixer = new Mixer(N);
    private final short[] mic = new short[N];
    private final short[] toneFrame = new short[N];
    private final short[] ringFrame = new short[N];
    private final short[] speakerMix = new short[N];
    private short[] deviceFrame = new short[0];
    private Resampler micResampler;
    private Resampler speakerResampler;
    private int seenToneRequests;
    private boolean wasRinging;
    volatile long frames;
    /** Parked with nothing to do (for tests; the thread's state tells whether it really is parked). */
    volatile boolean resting;
    /** Times the resting thread was unparked (for tests: what wakes it needlessly). */
    volatile long wakeUps;
    /** Monotonic start of each frame, for the pacing figures of the benchmark (null = not recorded). */
    volatile long[] frameStarts;
    private long[] recording;
    private int recorded;

    HandsetLoop(MediaEngine engine, HotplugMicrophone microphone, HotplugSpeaker earpiece, RingSource ring, boolean ringHere) {
        this.engine = engine;
        this.microphone = microphone;
        this.earpiece = earpiece;
        this.ring = ring;
        this.ringHere = ringHere;
    }

    @Override
    public void run() {
        while (!engine.closed()) {
            if (nothingToDo()) {
                rest();
                continue;
            }
            try {
                frame();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "handset audio frame failed; going on with the next", e);
                clock.awaitNextFrame();
            }
        }
    }

    /**
     * No call to serve, no tone asked for or still playing, no ring here. Read after the engine's own
     * volatile writes: a waker publishes first, then unparks, so a change made after this check leaves
     * an unpark permit and the park below returns at once (no lost wake-up).
     */
    private boolean nothingToDo() {
        return engine.connected().length == 0 && engine.notConnected().length == 0
                && engine.toneRequests() == seenToneRequests && !tone.playing()
                && !(ringHere && engine.ringing());
    }

    private void rest() {
        microphone.pause();
        earpiece.pause();
        wasRinging = false;
        resting = true;
        while (!engine.closed() && nothingToDo()) {
            LockSupport.park(this); // may return spuriously: check again
            wakeUps++;
        }
        resting = false;
        if (engine.closed()) return;
        clock.restart(); // no burst of frames to catch up on the rest
        microphone.resume();
        earpiece.resume();
    }

    private void frame() {
        Microphone mic = microphone.device();
        Speaker speaker = earpiece.device();
        if (!mic.clocked() && !speaker.clocked()) clock.awaitNextFrame();
        record(System.nanoTime());
        // The earpiece is written before the microphone is read. On a card this changes nothing (the
        // pull from the jitter buffer and the write still follow the last capture at once, and each
        // capture read blocks for its own 20 ms), but a device that hears its own earpiece without a
        // clock (an echo test device, a software loop) gets this frame's audio, not the last frame's.
        CallMedia[] connected = engine.connected();
        for (CallMedia call : connected) call.receive();
        mixSpeaker(connected);
        writeSpeaker(speaker);
        readMicrophone(mic);
        sendToCalls(connected);
        for (CallMedia call : engine.notConnected()) call.idle();
        if (frames % SilenceTimeouts.CHECK_FRAMES == 0) engine.checkSilence(System.nanoTime());
        frames++;
    }

    private void record(long now) {
        long[] starts = frameStarts;
        if (starts != recording) {
            recording = starts;
            recorded = 0;
        }
        if (starts != null && recorded < starts.length) starts[recorded++] = now;
    }

    private void readMicrophone(Microphone device) {
        int rate = device.sampleRate();
        if (micResampler == null || micResampler.inSamples() != rate / 50) {
            micResampler = new Resampler(rate, MediaEngine.ENGINE_RATE);
            deviceFrame = new short[Math.max(deviceFrame.length, rate / 50)];
        }
        microphone.read(deviceFrame, 0);
        micResampler.frame(deviceFrame, 0, mic, 0);
    }

    private void mixSpeaker(CallMedia[] connected) {
        mixer.begin(N);
        for (CallMedia call : connected) mixer.add(call.heard, 0);
        int requests = engine.toneRequests();
        if (requests != seenToneRequests) {
            seenToneRequests = requests;
            TonePattern pattern = engine.requestedTone();
            if (pattern == null) tone.stop();
            else tone.start(pattern);
        }
        if (tone.playing()) {
            tone.fill(toneFrame, 0, N);
            mixer.add(toneFrame, 0);
        }
        boolean ringing = ringHere && engine.ringing();
        if (ringing) {
            if (!wasRinging) ring.restart();
            ring.fill(ringFrame, N);
            mixer.add(ringFrame, 0);
        }
        wasRinging = ringing;
        mixer.finish(speakerMix, 0);
    }

    private void sendToCalls(CallMedia[] connected) {
        for (int i = 0; i < connected.length; i++) {
            CallMedia call = connected[i];
            System.arraycopy(mic, 0, call.outgoing, 0, N);
            for (int j = 0; j < connected.length; j++) {
                if (j != i) Mixer.mixInto(call.outgoing, 0, connected[j].heard, 0, N);
            }
            call.send();
        }
    }

    private void writeSpeaker(Speaker device) {
        int rate = device.sampleRate();
        if (speakerResampler == null || speakerResampler.outSamples() != rate / 50) {
            speakerResampler = new Resampler(MediaEngine.ENGINE_RATE, rate);
            deviceFrame = new short[Math.max(deviceFrame.length, rate / 50)];
        }
        speakerResampler.frame(speakerMix, 0, deviceFrame, 0);
        earpiece.write(deviceFrame, 0);
    }
}
