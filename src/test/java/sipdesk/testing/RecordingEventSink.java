package sipdesk.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import sipdesk.core.PhoneEvent;
import sipdesk.core.port.EventSink;

/** An EventSink that keeps what adapters post, for tests to await with bounded waits. */
public final class RecordingEventSink implements EventSink {
    private final BlockingQueue<PhoneEvent> queue = new LinkedBlockingQueue<>();
    private final List<PhoneEvent> seen = new ArrayList<>();

    @Override
    public void post(PhoneEvent event) {
        queue.add(event);
    }

    /**
     * The first event of {@code type} within {@code timeout}; events of other types received in
     * the meantime are kept in {@link #seen()}. Fails with the events seen so far.
     */
    public <T extends PhoneEvent> T await(Class<T> type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            PhoneEvent e;
            try {
                e = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + type.getSimpleName());
            }
            if (e == null) throw new AssertionError("no " + type.getSimpleName() + " within " + timeout + "; saw " + seen());
            synchronized (seen) {
                seen.add(e);
            }
            if (type.isInstance(e)) return type.cast(e);
        }
    }

    /** The first event matching {@code type} and {@code test}. */
    public <T extends PhoneEvent> T await(Class<T> type, java.util.function.Predicate<T> test, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            T e = await(type, left);
            if (test.test(e)) return e;
        }
    }

    public List<PhoneEvent> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** Events received but not yet awaited. */
    public List<PhoneEvent> pending() {
        return List.copyOf(queue);
    }
}
