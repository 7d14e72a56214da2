package sipdesk.hw;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A buzzer or bell relay rung with a cadence. {@link #start}/{@link #stop} come from the core
 * thread (the daemon's handling of StartRinger/StopRinger), {@link #tick} from the poll thread;
 * all synchronized. The cadence is only as exact as the tick rate (10 ms at 100 Hz).
 */
public final class GpioRinger implements AutoCloseable {
    private final DigitalOutput output;
    private final RingerWiring wiring;
    private final LongSupplier nanoClock;
    private final long periodNanos;

    private boolean ringing;
    private long startedNanos;
    private boolean on;

    public GpioRinger(DigitalOutput output, RingerWiring wiring, LongSupplier nanoClock) {
        this.output = Objects.requireNonNull(output, "output");
        this.wiring = Objects.requireNonNull(wiring, "wiring");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        long period = 0;
        for (Duration d : wiring.cadence()) period += d.toNanos();
        this.periodNanos = period;
    }

    public static GpioRinger open(Context pi4j, RingerWiring wiring, LongSupplier nanoClock) {
        DigitalState off = wiring.activeHigh() ? DigitalState.LOW : DigitalState.HIGH;
        return new GpioRinger(PiHardware.openOutput(pi4j, "ringer", wiring.bcm(), off), wiring, nanoClock);
    }

    /** Rings from the start of the cadence; ringing already: nothing changes. */
    public synchronized void start() {
        if (ringing) return;
        ringing = true;
        startedNanos = nanoClock.getAsLong();
        set(true);
    }

    public synchronized void stop() {
        ringing = false;
        set(false);
    }

    public synchronized void tick(long nowNanos) {
        if (ringing) set(onAt(nowNanos - startedNanos));
    }

    /** Even cadence steps are "on", odd ones "off"; one step alone is steady on. */
    private boolean onAt(long elapsedNanos) {
        List<Duration> cadence = wiring.cadence();
        if (cadence.size() == 1) return true;
        long t = Math.floorMod(elapsedNanos, periodNanos);
        for (int i = 0; i < cadence.size(); i++) {
            t -= cadence.get(i).toNanos();
            if (t < 0) return i % 2 == 0;
        }
        return false;
    }

    private void set(boolean wantOn) {
        if (wantOn == on) return; // the output starts off (open sets it)
        on = wantOn;
        output.state(wantOn == wiring.activeHigh() ? DigitalState.HIGH : DigitalState.LOW);
    }

    public synchronized boolean isRinging() {
        return ringing;
    }

    public synchronized boolean isOn() {
        return on;
    }

    @Override
    public synchronized void close() {
        stop();
    }
}
