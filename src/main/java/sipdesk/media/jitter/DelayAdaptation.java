package sipdesk.media.jitter;

import java.util.Arrays;

/**
 * When the jitter buffer lengthens or shortens its playout delay. Each second (after a first second
 * of settling, so the burst a stream often starts with is not answered at once) it looks back over
 * the window just ended: a buffer that adjusts in whole frames compares the average fill with the
 * {@link PlayoutDelay} target; a time-scaled one aims at the time frames wait for their turn.
 *
 * <p>Pure and allocation-free like its {@link JitterBuffer}, and called only from it, under the same
 * contract: {@link #arrived} from {@code put}, the rest from {@code get}.
 */
final class DelayAdaptation {

    /** Gets per adaptation decision: 50 frames of 20 ms, one second. */
    private static final int WINDOW_GETS = 50;
    /** Gets after playout starts before the first window: one second of settling. */
    private static final int SETTLING_GETS = 50;
    /** Least time a frame should wait for its turn, over the network's jitter (time-scaled playout). */
    private static final long MIN_SPARE_NANOS = 3_000_000L;
    /**
     * Beyond a frame over the spare before the delay is shortened, so that after the cut frames still
     * wait this much over the point of lengthening again: room for scheduling noise (a frame woken a
     * few ms late) that would otherwise lengthen the delay at once. The {@link TimeScaler} makes
     * changes of whole frames of the time frames wait here, its own overshoot it keeps apart.
     */
    private static final long HYSTERESIS_NANOS = 2_000_000L;
    /**
     * Windows (seconds) the widest spread of transit times is remembered: the delay is shortened only
     * as far as the worst lateness of the last five seconds would still leave room. A network that
     * came late once in that time may well again (WiFi scans, a periodic burst of traffic), and
     * lengthening again after the next costs concealment if it comes too late.
     */
    private static final int REMEMBERED_WINDOWS = 5;
    /**
     * How long before frames come within the spare of their turn the delay is lengthened: long enough
     * (40 frames of a sender 0.5 % slow) for the time-scaler to wait for a seam in phase.
     */
    private static final long EARLY_NANOS = 4_000_000L;
    /** The most a time-scaled buffer asks to shorten by at once. */
    private static final int MAX_FRAMES_PER_ADJUSTMENT = 2;

    private final PlayoutDelay delay;
    private final int clockRate;
    private final long frameNanos;

    private int windowGets;
    private int settlingGets;
    /** Over the current window: the least time a played frame had waited, and whether any came too late. */
    private long windowLeastWait;
    /** Over the current window: the least and greatest transit time (arrival less RTP timestamp) of the packets put. */
    private long windowLeastTransit;
    private long windowGreatestTransit;
    private boolean windowUnderran;
    private long windowLevelSum;
    /**
     * Of each of the last {@link #REMEMBERED_WINDOWS} windows: the spread of its transit times, how
     * much later than the earliest its latest packet came (the network's jitter and the scheduling of
     * both ends; what the playout delay does, and a window's share of clock drift, move all alike).
     */
    private final long[] recentSpreads = new long[REMEMBERED_WINDOWS];
    private int recentAt;
    /** Whether the last window asked for a change, which the time-scaler then made during this one. */
    private boolean adjustedLastWindow;
    /** The RTP timestamp transit times are counted from (the stream's first), so they stay small. */
    private long transitOrigin;

    DelayAdaptation(PlayoutDelay delay, int clockRate, int frameTicks) {
        this.delay = delay;
        this.clockRate = clockRate;
        this.frameNanos = frameTicks * 1_000_000_000L / clockRate;
    }

    /** A new stream (or timeline): transit times count from its first timestamp, old spreads are forgotten. */
    void restart(long firstTimestamp) {
        transitOrigin = firstTimestamp;
        Arrays.fill(recentSpreads, 0);
    }

    /** Takes one packet's arrival; {@code timestamp} is the extended RTP timestamp. */
    void arrived(long timestamp, long arrivalNanos) {
        long transit = arrivalNanos - (timestamp - transitOrigin) * 1_000_000_000L / clockRate;
        windowLeastTransit = Math.min(windowLeastTransit, transit);
        windowGreatestTransit = Math.max(windowGreatestTransit, transit);
    }

    /** Playout (re)starts: the first second is settling, not judged. */
    void settle() {
        startWindow();
        settlingGets = SETTLING_GETS;
    }

    /** A frame played after waiting {@code waitNanos} in the buffer. */
    void played(long waitNanos) {
        windowLeastWait = Math.min(windowLeastWait, waitNanos);
    }

    void underran() {
        windowUnderran = true;
    }

    /**
     * Once per window, else 0: frames to drop (positive) or insert (negative). {@code byWait} when the
     * caller time-scales and {@code get} was given the time: then a cut may be more than one frame.
     */
    int adjustment(int level, boolean byWait) {
        if (settlingGets > 0) {
            if (--settlingGets == 0) {
                startWindow(); // the first window sees the settled stream, not the start-up burst
            }
            return 0;
        }
        windowLevelSum += level;
        if (++windowGets < WINDOW_GETS) {
            return 0;
        }
        double average = (double) windowLevelSum / windowGets;
        long leastWait = windowLeastWait;
        long spread = windowGreatestTransit < windowLeastTransit ? 0 : windowGreatestTransit - windowLeastTransit;
        boolean underran = windowUnderran;
        startWindow();
        if (byWait) {
            return adaptByWait(leastWait, spread, underran);
        }
        int target = delay.targetFrames();
        if (average >= target + 1) {
            return 1;
        }
        if (average < target - 0.5) {
            return -1;
        }
        return 0;
    }

    /**
     * Time-scaled playout: keeps the closest call of the window a little over the jitter (lengthened at
     * once, and after an underrun), and under a frame more than that plus the hysteresis and what the
     * widest transit spread of the last {@link #REMEMBERED_WINDOWS} windows adds to this one's
     * (shortened to the frame as soon as five seconds allow it). Time-scaling makes any change cheap,
     * so the delay follows the network to the millisecond, not the frame.
     */
    private int adaptByWait(long leastWait, long spread, boolean underran) {
        recentSpreads[recentAt] = underran ? Long.MAX_VALUE : spread;
        recentAt = (recentAt + 1) % REMEMBERED_WINDOWS;
        // A window in which the time-scaler made the last change has waits from before and after it:
        // only an underrun is answered then (a second lengthening, or a cut on stale waits, would overdo it).
        int adjustment = underran ? -1 : adjustedLastWindow ? 0 : adjustmentFor(leastWait, spread);
        adjustedLastWindow = adjustment != 0;
        return adjustment;
    }

    private int adjustmentFor(long leastWait, long spread) {
        long lengthenBelow = Math.max(MIN_SPARE_NANOS, Math.round(2 * delay.jitterMs() * 1_000_000)) + EARLY_NANOS;
        if (leastWait < lengthenBelow) {
            return -1;
        }
        long widest = 0;
        for (long s : recentSpreads) widest = Math.max(widest, s);
        if (leastWait == Long.MAX_VALUE || widest == Long.MAX_VALUE) {
            return 0; // nothing played, or an underrun in the remembered windows
        }
        long room = leastWait - (widest - spread) - lengthenBelow - HYSTERESIS_NANOS;
        // All the excess at once (a start-up burst), a few frames at most: each is cut in pitch periods.
        return room >= frameNanos ? (int) Math.min(MAX_FRAMES_PER_ADJUSTMENT, room / frameNanos) : 0;
    }

    private void startWindow() {
        windowGets = 0;
        windowLevelSum = 0;
        windowLeastWait = Long.MAX_VALUE;
        windowLeastTransit = Long.MAX_VALUE;
        windowGreatestTransit = Long.MIN_VALUE;
        windowUnderran = false;
    }
}
