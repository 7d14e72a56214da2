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
 * <p>It parks until {@link #SPIN_NANOS} before the deadline and spins on the clock for the rest: a
 * thread woken by a timer starts tens of microseconds late (more when its CPU was idle, and in a VM,
 * whose idle virtual CPU the host must schedule again first), a thread already running does not.
 * The spin costs about that lead per frame (0.1 ms in 20 ms is 0.5 % of a core at most).
 */
public final class FrameClock {

    public static final int MAX_BEHIND_FRAMES = 10;
    /** How long before each deadline the clock stops parking and spins. */
    public static final long SPIN_NANOS = 100_000;

    private final long periodNanos;
    private final long spinNanos;
    private final LongSupplier nanoTime;
    private final LongConsumer park;
    private long deadline;
    private boolean started;

    public FrameClock(int periodMs) {
        this(periodMs * 1_000_000L, SPIN_NANOS, System::nanoTime, LockSupport::parkNanos);
    }

    FrameClock(long periodNanos, LongSupplier nanoTime) {
        this(periodNanos, 0, nanoTime, LockSupport::parkNanos);
    }

    FrameClock(long periodNanos, long spinNanos, LongSupplier nanoTime, LongConsumer park) {
        if (periodNanos <= 0) throw new IllegalArgumentException("period " + periodNanos);
        if (spinNanos < 0 || spinNanos >= periodNanos) throw new IllegalArgumentException("spin " + spinNanos);
        this.periodNanos = periodNanos;
        this.spinNanos = spinNanos;
        this.nanoTime = nanoTime;
        this.park = park;
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
        while (deadline - now > spinNanos) { // parkNanos may return early (spurious wake-up, unpark)
            park.accept(deadline - now - spinNanos);
            now = nanoTime.getAsLong();
        }
        while (now < deadline) {
            Thread.onSpinWait();
            now = nanoTime.getAsLong();
        }
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
