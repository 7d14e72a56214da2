package sipdesk.media.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameClockTest {

    @Test
    void deadlinesFollowTheScheduleNotTheWakeUps() {
        long[] now = {0};
        FrameClock clock = new FrameClock(20_000_000L, () -> now[0]);
        assertEquals(0, clock.awaitNextFrame());
        now[0] = 27_000_000L; // woke 7 ms late
        assertEquals(20_000_000L, clock.awaitNextFrame());
        now[0] = 41_000_000L;
        assertEquals(40_000_000L, clock.awaitNextFrame()); // not 47: no drift from the late wake-up
    }

    @Test
    void aLongStallStartsAfreshInsteadOfBursting() {
        long[] now = {0};
        FrameClock clock = new FrameClock(20_000_000L, () -> now[0]);
        clock.awaitNextFrame();
        now[0] = 5_000_000_000L;
        assertEquals(5_000_000_000L, clock.awaitNextFrame());
    }

    @Test
    void waitsForTheDeadlineOnTheRealClock() {
        FrameClock clock = new FrameClock(20);
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) clock.awaitNextFrame();
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(180, elapsedMs, 15);
    }

    @Test
    void theRealClockNeverStartsAFrameBeforeItsDeadline() {
        FrameClock clock = new FrameClock(20);
        long previous = clock.awaitNextFrame();
        for (int i = 0; i < 10; i++) {
            long deadline = clock.awaitNextFrame();
            long now = System.nanoTime();
            assertTrue(now >= deadline, "frame " + i + " started " + (deadline - now) + " ns before its deadline");
            assertTrue(deadline - previous >= 20_000_000L, "deadlines a period apart at least");
            previous = deadline;
        }
    }

    @Test
    void parksUntilShortlyBeforeTheDeadlineThenSpinsToIt() {
        long[] now = {0};
        List<Long> parks = new ArrayList<>();
        int[] reads = {0};
        // Each clock read takes 1 us; a park sleeps exactly as asked.
        FrameClock clock = new FrameClock(20_000_000L, 100_000L, () -> {
            reads[0]++;
            return now[0] += 1_000;
        }, nanos -> {
            parks.add(nanos);
            now[0] += nanos;
        });
        long start = clock.awaitNextFrame();
        reads[0] = 0;
        assertEquals(start + 20_000_000L, clock.awaitNextFrame());
        assertEquals(List.of(20_000_000L - 1_000 - 100_000), parks); // one park, ending 0.1 ms early
        assertTrue(now[0] >= start + 20_000_000L, "returned before the deadline");
        assertTrue(reads[0] >= 90, "spun on the clock for the last 0.1 ms: " + reads[0] + " reads");
    }

    @Test
    void anEarlyWakeUpParksAgainForTheRest() {
        long[] now = {0};
        List<Long> parks = new ArrayList<>();
        FrameClock clock = new FrameClock(20_000_000L, 100_000L, () -> now[0]++, nanos -> {
            parks.add(nanos);
            now[0] += Math.min(nanos, 5_000_000L); // woken after 5 ms at most
        });
        clock.awaitNextFrame();
        clock.awaitNextFrame();
        // Clock reads: 1 ns each.
        assertEquals(List.of(19_899_999L, 14_899_998L, 9_899_997L, 4_899_996L), parks);
    }
}
