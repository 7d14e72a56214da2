package sipdesk.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import sipdesk.core.PhoneEvent;
import sipdesk.core.port.EventSink;

/**
 * An EventSink that keeps what adapters post, for tests to await with bounded waits. Each event is
 * returned by at most one await; events an await passes over stay available to later ones, so
 * events whose order the network does not fix can be awaited in any order.
 */
public final class RecordingEventSink implements EventSink {
    private final BlockingQueue<PhoneEvent> queue = new LinkedBlockingQueue<>();
    private final List<PhoneEvent> seen = new ArrayList<>();
    private final List<PhoneEvent> backlog = new ArrayList<>();

    @Override
    public void post(PhoneEvent event) {
        queue.add(event);
    }

    /** The first not yet awaited event of {@code type} within {@code timeout}; fails listing what came. */
    public <T extends PhoneEvent> T await(Class<T> type, Duration timeout) {
        return await(type, e -> true, timeout);
    }

    /** The first not yet awaited event matching {@code type} and {@code test}. */
    public synchronized <T extends PhoneEvent> T await(Class<T> type, Predicate<T> test, Duration timeout) {
        for (Iterator<PhoneEvent> it = backlog.iterator(); it.hasNext(); ) {
            PhoneEvent e = it.next();
            if (type.isInstance(e) && test.test(type.cast(e))) {
                it.remove();
                return type.cast(e);
            }
        }
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
            if (e == null) throw new AssertionError("no matching " + type.getSimpleName() + " within " + timeout + "; saw " + seen());
            seen.add(e);
            if (type.isInstance(e) && test.test(type.cast(e))) return type.cast(e);
            backlog.add(e);
        }
    }

    /** Everything received by an await so far, in order. */
    public synchronized List<PhoneEvent> seen() {
        return List.copyOf(seen);
    }

    /** Events received but not returned by any await yet. */
    public synchronized List<PhoneEvent> pending() {
        List<PhoneEvent> out = new ArrayList<>(backlog);
        out.addAll(queue);
        return out;
    }
}
