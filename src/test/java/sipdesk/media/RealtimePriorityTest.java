package sipdesk.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sipdesk.media.RealtimePriority.Granted;
import sipdesk.media.RealtimePriority.Refused;

class RealtimePriorityTest {

    /** A kernel that allows SCHED_FIFO up to {@code allowed} (0: not at all) and records what was asked. */
    static final class FakeKernel implements RealtimePriority.Kernel {
        final int allowed;
        final long limit;
        final List<String> calls = new ArrayList<>();

        FakeKernel(int allowed, long limit) {
            this.allowed = allowed;
            this.limit = limit;
        }

        @Override
        public int setFifo(int priority) {
            calls.add("fifo " + priority);
            return priority <= allowed ? 0 : RealtimePriority.EPERM;
        }

        @Override
        public long rtprioLimit() {
            return limit;
        }

        @Override
        public int setTimerSlack(long nanos) {
            calls.add("slack " + nanos);
            return 0;
        }
    }

    @Test
    void aPermittedThreadGetsFifoAtThePriorityAskedAndAOneNanosecondTimerSlack() {
        FakeKernel kernel = new FakeKernel(99, 0);
        assertEquals(new Granted(10), RealtimePriority.request(kernel, 10));
        assertEquals(List.of("slack 1", "fifo 10"), kernel.calls);
    }

    @Test
    void aLowerRtprioLimitIsTakenInsteadOfNothing() {
        FakeKernel kernel = new FakeKernel(5, 5); // systemd LimitRTPRIO=5
        assertEquals(new Granted(5), RealtimePriority.request(kernel, 10));
        assertEquals(List.of("slack 1", "fifo 10", "fifo 5"), kernel.calls);
    }

    @Test
    void withoutTheRightTheThreadStaysOrdinaryAndTheReasonSaysWhatToGrant() {
        FakeKernel kernel = new FakeKernel(0, 0);
        Refused refused = assertInstanceOf(Refused.class, RealtimePriority.request(kernel, 10));
        assertTrue(refused.describe().contains("LimitRTPRIO=10"), refused.describe());
        assertTrue(refused.describe().contains("RestrictRealtime"), refused.describe());
        assertEquals(List.of("slack 1", "fifo 10"), kernel.calls); // no retry at priority 0
    }

    @Test
    void theCallingThreadIsLeftRunningWhateverTheKernelSays() throws Exception {
        // On this machine the answer may be either; what matters is that it is an answer, not an exception.
        RealtimePriority.Outcome[] outcome = new RealtimePriority.Outcome[1];
        Thread t = Thread.ofPlatform().start(() -> outcome[0] = RealtimePriority.forCurrentThread());
        t.join();
        assertTrue(outcome[0] instanceof Granted || outcome[0] instanceof Refused, String.valueOf(outcome[0]));
    }
}
