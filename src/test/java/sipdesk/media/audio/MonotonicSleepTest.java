package sipdesk.media.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MonotonicSleepTest {

    @Test
    void theTimespecHoldsSecondsAndNanosecondsOfTheDeadline() {
        assumeTrue(Platform.isLinux());
        MonotonicSleep sleep = new MonotonicSleep();
        for (long nanos : new long[] {0, 999_999_999L, 1_000_000_000L, 86_400_123_456_789L}) {
            sleep.write(nanos);
            assertEquals(nanos, sleep.read());
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void theKernelSleepNeverWakesBeforeItsDeadline() {
        assumeTrue(Platform.isLinux());
        assertNull(MonotonicSleep.unusableBecause(), "Linux with JNA: the clock sleeps in the kernel");
        MonotonicSleep sleep = new MonotonicSleep();
        for (int i = 1; i <= 20; i++) {
            long deadline = System.nanoTime() + i * 250_000L; // 0.25 to 5 ms ahead
            assertEquals(0, sleep.sleepUntil(deadline));
            long woke = System.nanoTime();
            assertTrue(woke >= deadline, "woke " + (deadline - woke) + " ns before the deadline");
        }
    }
}
