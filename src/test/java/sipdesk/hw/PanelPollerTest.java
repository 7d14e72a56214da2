package sipdesk.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import sipdesk.core.port.Display;

class PanelPollerTest {
    /** A panel that counts polls; every third one throws, as a buggy driver might. */
    private static final class CountingPanel implements FrontPanel {
        final AtomicInteger polls = new AtomicInteger();
        volatile String thread;
        volatile Thread poller;

        @Override public Display display() { return screen -> { }; }
        @Override public void ring(boolean on) { }
        @Override public void close() { }

        @Override
        public void poll(long nowNanos) {
            thread = Thread.currentThread().getName();
            poller = Thread.currentThread();
            if (polls.incrementAndGet() % 3 == 0) throw new IllegalStateException("driver bug");
        }
    }

    @Test
    void pollsOnItsOwnThreadUntilClosedAndSurvivesAFailingPoll() throws InterruptedException {
        CountingPanel panel = new CountingPanel();
        PanelPoller poller = PanelPoller.start(panel, Duration.ofMillis(1), System::nanoTime);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (panel.polls.get() < 10 && System.nanoTime() < deadline) Thread.sleep(5);
        poller.close();
        int after = panel.polls.get();
        assertTrue(after >= 10, "polls: " + after);
        assertEquals("front-panel", panel.thread);
        // The poll thread ends (close stops it): then nothing can poll again.
        panel.poller.join(Duration.ofSeconds(5).toMillis());
        assertFalse(panel.poller.isAlive(), "the poll thread still runs after close");
        assertEquals(after, panel.polls.get(), "no poll after close");
    }
}
