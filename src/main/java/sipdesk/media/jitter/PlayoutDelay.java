package sipdesk.media.jitter;

/**
 * The delay the jitter buffer aims for, from the interarrival jitter of RFC 3550 section 6.4.1:
 * J += (|D(i-1,i)| - J) / 16, where D is the change in transit time (arrival minus RTP timestamp)
 * between consecutive packets. Three times J covers nearly all of a normal spread of transit
 * times, so the target is one frame plus 3 J, in whole frames, between the configured bounds.
 */
final class PlayoutDelay {

    private final int clockRate;
    private final int frameTicks;
    private final int minFrames;
    private final int maxFrames;

    private double jitterTicks;
    private double lastTransitTicks;
    private boolean haveTransit;

    PlayoutDelay(int clockRate, int frameTicks, int minDelayMs, int maxDelayMs) {
        this.clockRate = clockRate;
        this.frameTicks = frameTicks;
        int frameMs = frameTicks * 1000 / clockRate;
        this.minFrames = Math.max(1, ceilDiv(minDelayMs, frameMs));
        this.maxFrames = Math.max(minFrames, maxDelayMs / frameMs);
    }

    void reset() {
        jitterTicks = 0;
        haveTransit = false;
    }

    /** Takes one packet's arrival; {@code timestamp} is the extended RTP timestamp. */
    void arrived(long timestamp, long arrivalNanos) {
        double arrivalTicks = arrivalNanos * (clockRate / 1e9);
        double transit = arrivalTicks - timestamp;
        if (haveTransit) {
            double change = Math.abs(transit - lastTransitTicks);
            jitterTicks += (change - jitterTicks) / 16;
        }
        lastTransitTicks = transit;
        haveTransit = true;
    }

    double jitterMs() {
        return jitterTicks * 1000 / clockRate;
    }

    int targetFrames() {
        // A tenth of a frame of slack, so a drifting sender's sub-millisecond jitter asks for no more.
        int frames = (int) Math.ceil((frameTicks + 3 * jitterTicks) / frameTicks - 0.1);
        return Math.max(minFrames, Math.min(maxFrames, frames));
    }

    int maxFrames() {
        return maxFrames;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
