package sipdesk.media.rtp;

/**
 * RFC 4733 events for digits the user presses during a call, one 20 ms packet per frame: the first
 * packet carries the marker bit, all packets of an event share its start timestamp and report the
 * duration so far, and the end packet goes out up to 3 times (section 2.5.1.4; Yealink's
 * {@code features.dtmf.repetition}) on consecutive frames. Voice is not sent while an event plays; a short gap follows each
 * event so that two equal digits stay two. Digits are queued from any thread into a fixed ring.
 */
final class DtmfSender {

    private static final int QUEUE = 32;
    private static final int GAP_FRAMES = 2;

    private final char[] queue = new char[QUEUE];
    private int head;
    private int size;

    private final int eventFrames;
    private final int endRepetitions;
    private int code = -1;
    private long eventTimestamp;
    private int framesSent;
    private int endsSent;
    private int gapLeft;
    private boolean marker;

    /**
     * @param durationMs how long each digit lasts before its end packets (Yealink plays 100 ms)
     * @param endRepetitions how many times the end packet goes out
     */
    DtmfSender(int durationMs, int endRepetitions) {
        this.eventFrames = Math.max(2, durationMs / 20);
        this.endRepetitions = endRepetitions;
    }

    /** Queues a digit; false when it is not a DTMF character or the queue is full. */
    synchronized boolean enqueue(char digit) {
        if (TelephoneEvent.code(digit) < 0 || size == QUEUE) return false;
        queue[(head + size) % QUEUE] = digit;
        size++;
        return true;
    }

    private synchronized int dequeue() {
        if (size == 0) return -1;
        char digit = queue[head];
        head = (head + 1) % QUEUE;
        size--;
        return TelephoneEvent.code(digit);
    }

    /**
     * Called once per frame. Writes an event payload into {@code out[at..]} and returns its length,
     * or returns 0 when this frame is voice. {@link #marker()} and {@link #eventTimestamp()} describe
     * the packet just written.
     */
    int next(long frameTimestamp, int frameTicks, byte[] out, int at) {
        if (code < 0) {
            if (gapLeft > 0) {
                gapLeft--;
                return 0;
            }
            code = dequeue();
            if (code < 0) return 0;
            eventTimestamp = frameTimestamp;
            framesSent = 0;
            endsSent = 0;
        }
        marker = framesSent == 0;
        if (framesSent < eventFrames) {
            framesSent++;
            return TelephoneEvent.write(out, at, code, false, framesSent * frameTicks);
        }
        int length = TelephoneEvent.write(out, at, code, true, eventFrames * frameTicks);
        if (++endsSent == endRepetitions) {
            code = -1;
            gapLeft = GAP_FRAMES;
        }
        return length;
    }

    boolean marker() {
        return marker;
    }

    long eventTimestamp() {
        return eventTimestamp;
    }

    /** True while an event is being sent or waits in the queue. */
    synchronized boolean busy() {
        return code >= 0 || size > 0;
    }
}
