package sipdesk.media.audio;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/** How a {@link FrameClock} waits for a deadline on its clock ({@link System#nanoTime()} outside tests). */
interface DeadlineWait {

    /** Returns once the clock has reached {@code deadlineNanos}; {@code nowNanos} is the clock just read. */
    void until(long deadlineNanos, long nowNanos);

    /**
     * The kernel's absolute sleep ({@link MonotonicSleep}) where this machine has it, else {@link
     * ParkThenSpin}: chosen once per process, and said in one log line.
     */
    static DeadlineWait best() {
        return Choice.KERNEL_SLEEP ? new MonotonicSleep() : ParkThenSpin.REAL;
    }

    /**
     * Parks until {@code spinNanos} before the deadline and spins on the clock for the rest: a thread
     * woken by a timer starts tens of microseconds late (more when its CPU was idle, and in a VM, whose
     * idle virtual CPU the host must schedule again first), a thread already running does not. The
     * spin costs about that lead per frame (0.1 ms in 20 ms is 0.5 % of a core at most).
     */
    record ParkThenSpin(long spinNanos, LongSupplier nanoTime, LongConsumer park) implements DeadlineWait {

        static final ParkThenSpin REAL = new ParkThenSpin(FrameClock.SPIN_NANOS, System::nanoTime, LockSupport::parkNanos);

        @Override
        public void until(long deadlineNanos, long nowNanos) {
            long now = nowNanos;
            while (deadlineNanos - now > spinNanos) { // parkNanos may return early (spurious wake-up, unpark)
                park.accept(deadlineNanos - now - spinNanos);
                now = nanoTime.getAsLong();
            }
            while (now < deadlineNanos) {
                Thread.onSpinWait();
                now = nanoTime.getAsLong();
            }
        }
    }

    /** Decided on first use, so a machine without JNA's native part never loads it. */
    final class Choice {
        private static final Logger LOG = Logger.getLogger(DeadlineWait.class.getName());
        static final boolean KERNEL_SLEEP = choose();

        private Choice() {
        }

        private static boolean choose() {
            String refused;
            try {
                refused = MonotonicSleep.unusableBecause();
            } catch (LinkageError | RuntimeException e) { // no JNA native part for this machine, or no libc
                refused = "JNA cannot call libc: " + e;
            }
            if (refused == null) {
                LOG.info("frame clock without a sound card: clock_nanosleep to each absolute deadline");
                return true;
            }
            String why = refused;
            LOG.info(() -> "frame clock without a sound card: parkNanos and a spin before each deadline (" + why + ")");
            return false;
        }
    }
}
