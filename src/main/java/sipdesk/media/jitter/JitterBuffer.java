package sipdesk.media.jitter;

import java.util.Arrays;

/**
 * An adaptive jitter buffer for one incoming RTP stream, pure: the caller gives each packet with its
 * arrival time and pulls one frame per device period ({@link #get}); there is no clock or thread inside.
 *
 * <p>Frames are placed by RTP timestamp in a preallocated ring, so reordering, duplicates and
 * sequence-number wrap cost nothing; timestamps are extended past their 32-bit wrap. The buffer
 * starts playing once it holds the target delay ({@link PlayoutDelay}). Once a second
 * {@link DelayAdaptation} says whether to drop or insert a frame: this follows changes of jitter and
 * absorbs the drift between the sender's clock and the sound card's. A whole frame dropped or inserted
 * jumps the phase of the audio (a click), so a buffer made {@link #forTimeScaledPlayout} only asks for
 * the change ({@link #takeAdjustment()}) and its caller makes it on the decoded audio, a pitch period
 * at a time ({@link TimeScaler}); only the bound on the delay is still kept by dropping frames. A missing frame is concealed and
 * passed, but a packet that comes just after its turn, while nothing later has played, is still
 * played (the delay grows by what it was late); after 60 ms of nothing the stream is taken as paused
 * and buffering starts again from the next packet.
 *
 * <p>{@link #put} and {@link #get} allocate nothing (STYLE.md rule 8). Not thread-safe: the RTP
 * receiver and the playback thread share it through the caller's lock or a handoff queue.
 */
public final class JitterBuffer {

    /** {@link #get} result: play the codec's concealment for this frame. */
    public static final int CONCEAL = -1;
    /** {@link #get} result: play silence (nothing received yet, or a long gap). */
    public static final int SILENCE = -2;

    /** Underruns in a row answered with concealment before the buffer answers silence. */
    private static final int CONCEALED_UNDERRUNS = 3;
    private static final long EMPTY = Long.MIN_VALUE;
    /** {@link #get} without a time: adjust on the fill in whole frames. */
    private static final long NO_TIME = Long.MIN_VALUE;

    private final int frameTicks;
    private final int frameMs;
    private final int maxPayloadBytes;
    private final int slots;
    private final long[] slotTimestamp;
    private final int[] slotLength;
    private final long[] slotArrival;
    private final byte[] slotData;
    private final PlayoutDelay delay;
    private final DelayAdaptation adaptation;
    private final boolean callerAdjusts;

    private boolean started;
    private boolean playing;
    private long ssrc;
    private long cursor;
    private long newest;
    private long firstSequence;
    private long highestSequence;
    private int underrunsInARow;
    private boolean anchorOnNextPacket;
    private long underrunStart;
    private int requestedAdjustment;
    private long nowNanos = NO_TIME;
    private int lastLevel;

    private long received;
    private long duplicates;
    private long late;
    private long lost;
    private long underruns;
    private long concealed;
    private long silent;
    private long dropped;
    private long inserted;
    private long resets;

    /**
     * @param clockRate RTP clock rate (8000 for G.711 and G.722)
     * @param frameTicks RTP timestamp units per frame (160 for 20 ms at 8000)
     * @param maxPayloadBytes largest payload kept
     * @param minDelayMs lower bound of the playout delay (at least one frame)
     * @param maxDelayMs upper bound of the playout delay
     */
    public JitterBuffer(int clockRate, int frameTicks, int maxPayloadBytes, int minDelayMs, int maxDelayMs) {
        this(clockRate, frameTicks, maxPayloadBytes, minDelayMs, maxDelayMs, false);
    }

    private JitterBuffer(int clockRate, int frameTicks, int maxPayloadBytes, int minDelayMs, int maxDelayMs,
            boolean callerAdjusts) {
        this.callerAdjusts = callerAdjusts;
        if (clockRate <= 0 || frameTicks <= 0 || maxPayloadBytes <= 0 || maxDelayMs < minDelayMs) {
            throw new IllegalArgumentException("clockRate " + clockRate + ", frameTicks " + frameTicks
                    + ", maxPayloadBytes " + maxPayloadBytes + ", delay " + minDelayMs + ".." + maxDelayMs);
        }
        this.frameTicks = frameTicks;
        this.frameMs = frameTicks * 1000 / clockRate;
        this.maxPayloadBytes = maxPayloadBytes;
        this.delay = new PlayoutDelay(clockRate, frameTicks, minDelayMs, maxDelayMs);
        this.adaptation = new DelayAdaptation(delay, clockRate, frameTicks);
        // Room for the largest delay plus as much again of early or reordered packets.
        this.slots = 2 * delay.maxFrames() + 16;
        this.slotTimestamp = new long[slots];
        this.slotLength = new int[slots];
        this.slotArrival = new long[slots];
        this.slotData = new byte[slots * maxPayloadBytes];
        Arrays.fill(slotTimestamp, EMPTY);
    }

    /** A buffer for 20 ms frames with the phone's bounds: 20 to 200 ms of playout delay. */
    public static JitterBuffer forTwentyMsFrames(int clockRate, int maxPayloadBytes) {
        return new JitterBuffer(clockRate, clockRate / 50, maxPayloadBytes, 20, 200);
    }

    /**
     * Like {@link #forTwentyMsFrames}, but {@link #get} plays every frame and leaves the drift and
     * jitter adjustments to the caller, through {@link #takeAdjustment()} and a {@link TimeScaler}.
     */
    public static JitterBuffer forTimeScaledPlayout(int clockRate, int maxPayloadBytes) {
        return new JitterBuffer(clockRate, clockRate / 50, maxPayloadBytes, 20, 200, true);
    }

    /**
     * The adjustment asked for at the last {@link #get} of a {@link #forTimeScaledPlayout} buffer, then
     * forgotten: the frames of audio to play less (positive) or more (negative), 0 for none.
     */
    public int takeAdjustment() {
        int adjustment = requestedAdjustment;
        requestedAdjustment = 0;
        return adjustment;
    }

    /** Takes one received packet; {@code ssrc} and {@code rtpTimestamp} are the unsigned header fields. */
    public Arrival put(long ssrc, int sequenceNumber, long rtpTimestamp, byte[] payload, int offset,
            int length, long arrivalNanos) {
        if (length > maxPayloadBytes) {
            return Arrival.TOO_LARGE;
        }
        boolean reset = false;
        if (!started || ssrc != this.ssrc) {
            restart(ssrc, rtpTimestamp & 0xFFFFFFFFL);
            reset = true;
        }
        countSequence(sequenceNumber, reset);
        long timestamp = extend(rtpTimestamp);
        if (anchorOnNextPacket && timestamp >= cursor) {
            // The stream paused (or is silent, RFC 3551 section 4.1): playout restarts at this packet.
            cursor = timestamp;
            anchorOnNextPacket = false;
        }
        long framesAhead = (timestamp - cursor) / frameTicks;
        if (framesAhead >= slots || framesAhead < -slots) {
            // No jitter explains a jump this size: the sender restarted its timeline.
            restart(ssrc, timestamp);
            reset = true;
        }
        delay.arrived(timestamp, arrivalNanos);
        adaptation.arrived(timestamp, arrivalNanos);
        if (timestamp < cursor && !rescuedFromUnderrun(timestamp)) {
            late++;
            return Arrival.LATE;
        }
        int slot = slotOf(timestamp);
        if (slotTimestamp[slot] == timestamp) {
            duplicates++;
            return Arrival.DUPLICATE;
        }
        slotTimestamp[slot] = timestamp;
        slotLength[slot] = length;
        slotArrival[slot] = arrivalNanos;
        System.arraycopy(payload, offset, slotData, slot * maxPayloadBytes, length);
        newest = Math.max(newest, timestamp);
        received++;
        return reset ? Arrival.STORED_AFTER_RESET : Arrival.STORED;
    }

    /**
     * Whether a packet that comes after its turn can still play: it belongs to the underrun still
     * going on, nothing real has played since, and the delay stays in bounds. Then playout steps back
     * to it, as if the underrun had held the position.
     */
    private boolean rescuedFromUnderrun(long timestamp) {
        if (underrunsInARow == 0 || timestamp < underrunStart
                || (newest - timestamp) / frameTicks >= delay.maxFrames()) {
            return false;
        }
        inserted += (cursor - timestamp) / frameTicks;
        cursor = timestamp;
        underrunsInARow = 0;
        anchorOnNextPacket = false;
        return true;
    }

    /**
     * The next frame for playout: its payload is copied to {@code out[outOffset..]} and its length
     * returned, or {@link #CONCEAL} or {@link #SILENCE} is returned and nothing written.
     */
    public int get(byte[] out, int outOffset) {
        return get(out, outOffset, NO_TIME);
    }

    /**
     * {@link #get(byte[], int)} at {@code nowNanos} on the clock of {@link #put}'s arrival times. A
     * {@link #forTimeScaledPlayout} buffer then aims at the time frames wait rather than at whole
     * frames of fill: the frame that came closest to its turn in each window should have waited
     * between a few ms (or twice the jitter) and that plus a frame ({@link DelayAdaptation}).
     */
    public int get(byte[] out, int outOffset, long nowNanos) {
        this.nowNanos = nowNanos;
        if (!started) {
            silent++;
            return SILENCE;
        }
        int level = level();
        lastLevel = level;
        if (!playing) {
            if (level < delay.targetFrames()) {
                silent++;
                return SILENCE;
            }
            playing = true;
            adaptation.settle();
        }
        int adjustment = adaptation.adjustment(level, callerAdjusts && nowNanos != NO_TIME);
        while (level > delay.maxFrames()) {
            // The bound on delay holds at every frame, not only at a window's end.
            discardAtCursor();
            dropped++;
            level--;
            adjustment = 0;
        }
        if (callerAdjusts) {
            requestedAdjustment = adjustment;
            if (adjustment > 0) {
                dropped += adjustment;
            } else {
                inserted -= adjustment;
            }
        } else if (adjustment > 0 && level > 1) {
            discardAtCursor();
            dropped++;
        } else if (adjustment < 0 && level > 0) {
            inserted++;
            concealed++;
            return CONCEAL;
        }
        return playAtCursor(out, outOffset);
    }

    private int playAtCursor(byte[] out, int outOffset) {
        int slot = slotOf(cursor);
        if (slotTimestamp[slot] == cursor) {
            int length = slotLength[slot];
            System.arraycopy(slotData, slot * maxPayloadBytes, out, outOffset, length);
            slotTimestamp[slot] = EMPTY;
            if (nowNanos != NO_TIME) {
                adaptation.played(nowNanos - slotArrival[slot]);
            }
            cursor += frameTicks;
            underrunsInARow = 0;
            return length;
        }
        if (newest < cursor) {
            return underrun();
        }
        underrunsInARow = 0;
        long next = nextStoredAfter(cursor);
        if ((next - cursor) / frameTicks > delay.maxFrames()) {
            // A gap longer than any delay (the sender paused): resume at its next frame, no concealment.
            cursor = next;
            return playAtCursor(out, outOffset);
        }
        // A hole with later frames present: lost, or so late it will be dropped when it comes.
        lost++;
        concealed++;
        cursor += frameTicks;
        return CONCEAL;
    }

    /**
     * Nothing at or after the playout position: conceal and move on, so a lost packet costs one
     * concealed frame and no delay. If the missing packet then comes before anything else has played,
     * {@link #put} steps back to it (the network got slower, or the sender's clock is slow). After
     * 60 ms the stream has paused: answer silence and buffer afresh from the next packet that comes.
     */
    private int underrun() {
        if (underrunsInARow == 0) {
            underrunStart = cursor;
        }
        underrunsInARow++;
        underruns++;
        adaptation.underran();
        if (underrunsInARow > CONCEALED_UNDERRUNS) {
            playing = false;
            anchorOnNextPacket = true;
            silent++;
            return SILENCE;
        }
        cursor += frameTicks;
        concealed++;
        return CONCEAL;
    }

    /** Frames from the playout position to the newest received, whether or not all arrived. */
    private int level() {
        return newest < cursor ? 0 : (int) ((newest - cursor) / frameTicks) + 1;
    }

    private void discardAtCursor() {
        int slot = slotOf(cursor);
        if (slotTimestamp[slot] == cursor) {
            slotTimestamp[slot] = EMPTY;
        }
        cursor += frameTicks;
    }

    private long nextStoredAfter(long from) {
        for (long timestamp = from; timestamp <= newest; timestamp += frameTicks) {
            if (slotTimestamp[slotOf(timestamp)] == timestamp) {
                return timestamp;
            }
        }
        return newest;
    }

    private void restart(long newSsrc, long firstTimestamp) {
        if (started) {
            resets++;
        }
        started = true;
        playing = false;
        ssrc = newSsrc;
        cursor = firstTimestamp;
        newest = firstTimestamp - frameTicks;
        underrunsInARow = 0;
        anchorOnNextPacket = false;
        Arrays.fill(slotTimestamp, EMPTY);
        adaptation.restart(firstTimestamp);
        delay.reset();
    }

    /** RFC 3550 appendix A.1: the highest sequence number, extended past its 16-bit wrap. */
    private void countSequence(int sequenceNumber, boolean firstOfStream) {
        if (firstOfStream) {
            firstSequence = sequenceNumber & 0xFFFF;
            highestSequence = firstSequence;
            return;
        }
        long extended = highestSequence + (short) (sequenceNumber - highestSequence);
        highestSequence = Math.max(highestSequence, extended);
    }

    /** Places a 32-bit RTP timestamp on our 64-bit timeline, nearest to the newest one seen. */
    private long extend(long rtpTimestamp) {
        long reference = Math.max(newest, cursor);
        int difference = (int) (rtpTimestamp - reference);
        return reference + difference;
    }

    private int slotOf(long timestamp) {
        return (int) Math.floorMod(Math.floorDiv(timestamp, frameTicks), (long) slots);
    }

    /** The buffered audio ahead of the playout position at the last {@link #get}, in ms. */
    public int bufferedMs() {
        return lastLevel * frameMs;
    }

    public int targetDelayMs() {
        return delay.targetFrames() * frameMs;
    }

    public JitterStats stats() {
        return new JitterStats(highestSequence - firstSequence + 1, received, duplicates, late, lost, underruns, concealed, silent, dropped,
                inserted, resets, delay.jitterMs(), targetDelayMs());
    }
}
