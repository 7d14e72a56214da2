package sipdesk.media.audio;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The device clock of a device without one (no sound card, a file): a deadline every 20 ms on the
 * monotonic clock. Each deadline is the previous one plus the period, never "now plus the period",
 * so waking late does not make the schedule drift; after a stall longer than {@link #MAX_BEHIND_FRAMES}
 * frames (a suspended VM, a debugger) it starts afresh from now instead of sending a burst.
 *
 * <p>On Linux it sleeps in the kernel to each absolute deadline ({@link MonotonicSleep}); elsewhere,
 * or without JNA, it parks and spins the last {@link #SPIN_NANOS} ({@link DeadlineWait.ParkThenSpin}).
 * One per thread.
 */
public final class FrameClock {

    public static final int MAX_BEHIND_FRAMES = 10;
    /** How long before each deadline the park-and-spin wait stops parking and spins. */
    public static final long SPIN_NANOS = 100_000;

    private final long periodNanos;
    private final LongSupplier nanoTime;
    private final DeadlineWait wait;
    private long deadline;
    private boolean started;

    public FrameClock(int periodMs) {
        this(periodMs * 1_000_000L, System::nanoTime, DeadlineWait.best());
    }

    FrameClock(long periodNanos, LongSupplier nanoTime) {
        this(periodNanos, 0, nanoTime, LockSupport::parkNanos);
    }

    FrameClock(long periodNanos, long spinNanos, LongSupplier nanoTime, LongConsumer park) {
        this(periodNanos, nanoTime, new DeadlineWait.ParkThenSpin(spinNanos, nanoTime, park));
        if (spinNanos < 0 || spinNanos >= periodNanos) throw new IllegalArgumentException("spin " + spinNanos);
    }

    FrameClock(long periodNanos, LongSupplier nanoTime, DeadlineWait wait) {
        if (periodNanos <= 0) throw new IllegalArgumentException("period " + periodNanos);
        this.periodNanos = periodNanos;
        this.nanoTime = nanoTime;
        this.wait = wait;
    }

    /**
     * Waits until the next frame is due and returns its deadline. The first call returns at once
     * and starts the schedule.
     */
    public long awaitNextFrame() {
        long now = nanoTime.getAsLong();
        if (!started) {
            started = true;
            deadline = now;
            return deadline;
        }
        deadline += periodNanos;
        if (now - deadline > MAX_BEHIND_FRAMES * periodNanos) {
            deadline = now;
        }
        if (deadline - now > 0) wait.until(deadline, now);
        return deadline;
    }

    /** Starts the schedule afresh: the next {@link #awaitNextFrame()} returns at once (after a rest). */
    public void restart() {
        started = false;
    }

    public long periodNanos() {
        return periodNanos;
    }
}
