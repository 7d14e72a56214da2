package sipdesk.media.rtp;

import java.time.Instant;

/**
 * The kernel's arrival stamps of datagrams, which are on CLOCK_REALTIME, moved to the
 * {@code System.nanoTime()} clock of the frame that reads them, and bounded to that frame: a packet
 * cannot have arrived after the frame took it in, nor (for the jitter buffer) more than a second before.
 *
 * <p>The two clocks are compared at most once a second (reading them every frame was 3 % of a call's
 * CPU). NTP's slewing moves both clocks alike; only a step of the wall clock moves their difference. A
 * step forward dates packets after the frame that reads them, a step back more than a second before it:
 * either makes the next frame compare the clocks again. A smaller step back misdates packets by that
 * step until the next comparison, within the second.
 *
 * <p>The wall clock is read through {@link Instant#now()} (nanoseconds on Linux; past 2038 as far as
 * the JDK is, where the C library's legacy 32-bit {@code clock_gettime} symbol, which JNA would reach,
 * is not): one small object a second, nothing per frame or packet. One per reading thread.
 */
final class RealtimeToMonotonic {

    private static final long MAX_AGE_NANOS = 1_000_000_000L;
    static final long CLOCKS_COMPARED_EVERY_NANOS = 1_000_000_000L;
    /** A comparison that took longer (the thread was preempted between the two reads) is redone. */
    private static final long MOST_COMPARISON_NANOS = 200_000L;

    private long realtimeLessMonotonic;
    private long clocksComparedAt;
    private boolean clocksCompared;
    private long frameNanos;

    /** A frame starts taking packets in at {@code nowNanos} (of {@code System.nanoTime()}). */
    void startFrame(long nowNanos) {
        if (!clocksCompared || nowNanos - clocksComparedAt >= CLOCKS_COMPARED_EVERY_NANOS) {
            long before = System.nanoTime();
            Instant wall = Instant.now();
            long after = System.nanoTime();
            realtimeLessMonotonic = wall.getEpochSecond() * 1_000_000_000L + wall.getNano() - (before + (after - before) / 2);
            clocksComparedAt = nowNanos;
            clocksCompared = after - before <= MOST_COMPARISON_NANOS;
        }
        frameNanos = nowNanos;
    }

    /** The frame's start: what a datagram without a stamp is dated. */
    long frameNanos() {
        return frameNanos;
    }

    /** A kernel stamp (nanoseconds of CLOCK_REALTIME) on the monotonic clock, within this frame's bounds. */
    long monotonic(long realtimeNanos) {
        long arrival = realtimeNanos - realtimeLessMonotonic;
        long oldest = frameNanos - MAX_AGE_NANOS;
        if (arrival > frameNanos + MOST_COMPARISON_NANOS || arrival < oldest) clocksCompared = false; // a step
        return Math.max(oldest, Math.min(frameNanos, arrival));
    }
}
