package sipdesk.media;

import java.util.concurrent.locks.LockSupport;
import sipdesk.media.audio.FrameClock;
import sipdesk.media.audio.HotplugSpeaker;
import sipdesk.media.audio.Resampler;
import sipdesk.media.audio.Speaker;

/**
 * The ringer's playback thread, for a ringer on a card of its own: parked while the phone is quiet,
 * otherwise one frame of the ring per 20 ms of the card's clock (or of a {@link FrameClock}).
 */
final class RingerLoop implements Runnable {

    private final MediaEngine engine;
    private final HotplugSpeaker ringer;
    private final RingSource ring;
    private final short[] frame = new short[MediaEngine.ENGINE_FRAME];
    private short[] deviceFrame = new short[0];
    private Resampler resampler;
    private FrameClock clock;

    RingerLoop(MediaEngine engine, HotplugSpeaker ringer, RingSource ring) {
        this.engine = engine;
        this.ringer = ringer;
        this.ring = ring;
    }

    @Override
    public void run() {
        while (!engine.closed()) {
            if (!engine.ringing()) {
                LockSupport.park(this); // MediaEngine unparks this thread on StartRinger and close
                continue;
            }
            ring.restart();
            clock = new FrameClock(20);
            ringer.resume();
            while (engine.ringing() && !engine.closed()) playFrame();
            ringer.pause(); // a card stopped between rings does not run dry: no underruns counted for the quiet
        }
    }

    private void playFrame() {
        Speaker device = ringer.device();
        if (!device.clocked()) clock.awaitNextFrame();
        int rate = device.sampleRate();
        if (resampler == null || resampler.outSamples() != rate / 50) {
            resampler = new Resampler(MediaEngine.ENGINE_RATE, rate);
            deviceFrame = new short[rate / 50];
        }
        ring.fill(frame, frame.length);
        resampler.frame(frame, 0, deviceFrame, 0);
        ringer.write(deviceFrame, 0);
    }
}
