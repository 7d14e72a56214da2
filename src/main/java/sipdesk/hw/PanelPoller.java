package sipdesk.hw;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The hardware thread of the front panel contract: calls {@link FrontPanel#poll} every few
 * milliseconds on one daemon thread named "front-panel". A poll that throws (a bug, or a driver
 * gone wrong) is logged, once per distinct message, and polling goes on: a phone whose keypad
 * thread died silently would look alive and ignore every key.
 */
public final class PanelPoller implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PanelPoller.class.getName());

    /** 200 Hz: the hook flash timing and the 20 ms key debounce want readings every 5 ms. */
    public static final Duration PERIOD = Duration.ofMillis(5);

    private final ScheduledExecutorService thread;
    private String lastFailure;

    private PanelPoller(ScheduledExecutorService thread) {
        this.thread = thread;
    }

    public static PanelPoller start(FrontPanel panel) {
        return start(panel, PERIOD, System::nanoTime);
    }

    public static PanelPoller start(FrontPanel panel, Duration period, LongSupplier nanoClock) {
        Objects.requireNonNull(panel, "panel");
        Objects.requireNonNull(nanoClock, "nanoClock");
        ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "front-panel");
            t.setDaemon(true);
            return t;
        });
        PanelPoller poller = new PanelPoller(exec);
        // Fixed delay, not rate: after a slow poll (an LCD redraw) the next one does not pile up.
        exec.scheduleWithFixedDelay(() -> poller.pollOnce(panel, nanoClock), 0, period.toNanos(), TimeUnit.NANOSECONDS);
        return poller;
    }

    private void pollOnce(FrontPanel panel, LongSupplier nanoClock) {
        try {
            panel.poll(nanoClock.getAsLong());
        } catch (RuntimeException e) {
            String message = String.valueOf(e);
            if (!message.equals(lastFailure)) {
                lastFailure = message;
                LOG.log(Level.WARNING, "front panel poll failed; polling goes on", e);
            }
        }
    }

    /** Stops polling and waits (up to a second) for a poll under way; the panel is the caller's to close. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(1, TimeUnit.SECONDS)) LOG.warning("front panel poll did not stop within 1 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
