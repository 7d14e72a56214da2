package sipdesk.media.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
