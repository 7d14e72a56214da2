package sipdesk.media.rtp;

/**
 * What RFC 3550 keeps per source for its reception reports: the extended highest sequence number
 * (appendix A.1, with its wrap counting and restart after a big jump), expected and lost packets
 * (A.3) and the interarrival jitter (A.8). Primitive fields only; owned by the receiving thread,
 * read by the reporting one under the session's lock.
 */
final class ReceptionStats {

    private static final int MAX_DROPOUT = 3000;
    private static final int MAX_MISORDER = 100;
    private static final int SEQ_MOD = 1 << 16;

    private boolean started;
    private long ssrc;
    private int maxSeq;
    private long cycles;
    private long baseSeq;
    private int badSeq = -1;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private long lastTransit;
    private double jitter;
    private int clockRate = 8000;

    void clockRate(int clockRate) {
        this.clockRate = clockRate;
    }

    boolean started() {
        return started;
    }

    long ssrc() {
        return ssrc;
    }

    /** Counts one packet; a new SSRC starts the statistics afresh (the sender restarted). */
    void received(long ssrc, int seq, long rtpTimestamp, long arrivalNanos) {
        if (!started || ssrc != this.ssrc) {
            start(ssrc, seq);
        } else if (!update(seq)) {
            return;
        }
        received++;
        long arrivalTicks = arrivalNanos / 1000 * clockRate / 1_000_000;
        long transit = arrivalTicks - rtpTimestamp;
        if (received > 1) {
            long d = Math.abs(transit - lastTransit);
            jitter += (d - jitter) / 16.0;
        }
        lastTransit = transit;
    }

    private void start(long ssrc, int seq) {
        started = true;
        this.ssrc = ssrc;
        baseSeq = seq;
        maxSeq = seq;
        cycles = 0;
        badSeq = -1;
        received = 0;
        expectedPrior = 0;
        receivedPrior = 0;
        jitter = 0;
    }

    /** RFC 3550 A.1 {@code update_seq}, without the probation of a new source. */
    private boolean update(int seq) {
        int delta = (seq - maxSeq + SEQ_MOD) % SEQ_MOD;
        if (delta < MAX_DROPOUT) {
            if (seq < maxSeq) cycles += SEQ_MOD;
            maxSeq = seq;
        } else if (delta <= SEQ_MOD - MAX_MISORDER) {
            if (seq == badSeq) {
                start(ssrc, seq); // two packets in sequence after a jump: the sender restarted
                return true;
            }
            badSeq = (seq + 1) % SEQ_MOD;
            return false;
        }
        return true; // duplicate or reordered: counted, as RFC 3550 does
    }

    long extendedHighest() {
        return cycles + maxSeq;
    }

    long expected() {
        return started ? extendedHighest() - baseSeq + 1 : 0;
    }

    long received() {
        return received;
    }

    /** Cumulative lost; negative with duplicates, as RFC 3550 A.3 allows. */
    long lost() {
        return expected() - received;
    }

    /** Jitter in RTP timestamp units. */
    long jitterTicks() {
        return (long) jitter;
    }

    double jitterMs() {
        return jitter * 1000.0 / clockRate;
    }

    /** The 8-bit fraction lost since the last call (A.3), and starts the next interval. */
    int fractionLostSinceLastReport() {
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        return expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
    }
}
