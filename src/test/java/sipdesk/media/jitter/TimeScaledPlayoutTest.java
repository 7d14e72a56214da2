package sipdesk.media.jitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import sipdesk.media.tone.Goertzel;

/**
 * A steady tone through the jitter buffer and {@link TimeScaler}, as the phone plays it: the sender's
 * clock a little fast or slow against the device's, a start-up burst, a millisecond or two of network
 * jitter. The buffer must hold its delay without a click: no sample-to-sample step larger than the
 * tone's own steepest, and every 400 ms block clean at the tone's frequency.
 */
class TimeScaledPlayoutTest {

    private static final int RATE = 8000;
    private static final int FRAME = 160;
    private static final long FRAME_NANOS = 20_000_000L;
    private static final long MS = 1_000_000L;
    private static final double HZ = 440;
    private static final double AMPLITUDE = 0.3 * 32767;
    /** 400 ms: a whole number of 440 Hz periods, so Goertzel leaks nothing. */
    private static final int BLOCK = RATE * 2 / 5;
    /**
     * A dropped or inserted whole frame leaves a 400 ms block under 10 dB. What the seams leave is a
     * phase shift of a tenth of a sample (12 microseconds) at most, which Goertzel counts as noise
     * (about -26 dB) but no ear hears; the step criterion shows there is no click.
     */
    private static final double MIN_BLOCK_SNR_DB = 25;
    /** The tone's steepest step is 2 pi f / rate of its amplitude (0.35 A); a phase jump is up to 2 A. */
    private static final double MAX_STEP = 0.45 * AMPLITUDE;

    /**
     * What the device played, and the most delay the stream saw (the jitter buffer's fill in whole
     * frames, the one playing included, plus what waits in the time-scaler), overall and at the end.
     */
    record Played(short[] samples, int firstSound, int maxDelayMs, int lastFiveSecondsMaxDelayMs, JitterStats stats,
            int[] delayMsByFrame) {
        /** The most delay between {@code fromSecond} and {@code toSecond}. */
        int maxDelayMs(int fromSecond, int toSecond) {
            int max = 0;
            for (int f = fromSecond * 50; f < toSecond * 50; f++) max = Math.max(max, delayMsByFrame[f]);
            return max;
        }

        double maxStep() {
            double max = 0;
            for (int i = firstSound + 1; i < samples.length; i++) max = Math.max(max, Math.abs(samples[i] - samples[i - 1]));
            return max;
        }

        double worstBlockSnrDb() {
            double worst = Double.POSITIVE_INFINITY;
            for (int at = firstSound + FRAME; at + BLOCK <= samples.length; at += BLOCK) {
                worst = Math.min(worst, Goertzel.snrDb(samples, at, BLOCK, RATE, HZ));
            }
            return worst;
        }
    }

    /**
     * {@code seconds} of a 440 Hz tone in linear 16-bit frames, sent every 20 ms of a clock running at
     * {@code senderSpeed} times the device's, the first {@code burst} packets arriving together; the
     * device pulls a frame every 20 ms through a time-scaled buffer ({@code timeScaled}) or a
     * whole-frame one.
     */
    static Played play(double senderSpeed, int burst, int seconds, boolean timeScaled) {
        int frames = seconds * 50;
        long[] arrival = arrivals((int) (frames * senderSpeed) + 10, senderSpeed);
        for (int i = 0; i < burst; i++) arrival[i] = burst * FRAME_NANOS + 30 * MS;
        return play(arrival, seconds, timeScaled);
    }

    /** Packets every 20 ms of a sender's clock ({@code senderSpeed} times the device's), 30 to 32 ms in transit. */
    private static long[] arrivals(int packets, double senderSpeed) {
        Random jitter = new Random(3);
        long[] arrival = new long[packets];
        for (int i = 0; i < packets; i++) {
            arrival[i] = Math.round(i * FRAME_NANOS / senderSpeed) + 30 * MS + jitter.nextInt(2000) * 1000L;
        }
        return arrival;
    }

    /** Packets 20 ms apart that arrive at {@code arrival} (in any order), played for {@code seconds}. */
    static Played play(long[] arrival, int seconds, boolean timeScaled) {
        JitterBuffer buffer = timeScaled ? JitterBuffer.forTimeScaledPlayout(RATE, 2 * FRAME)
                : JitterBuffer.forTwentyMsFrames(RATE, 2 * FRAME);
        TimeScaler scaler = new TimeScaler(RATE, FRAME);
        int frames = seconds * 50;
        int packets = arrival.length;
        Integer[] byArrival = new Integer[packets];
        for (int i = 0; i < packets; i++) byArrival[i] = i;
        java.util.Arrays.sort(byArrival, java.util.Comparator.comparingLong(i -> arrival[i]));
        int[] delayMsByFrame = new int[frames];
        byte[] payload = new byte[2 * FRAME];
        byte[] out = new byte[2 * FRAME];
        short[] samples = new short[frames * FRAME];
        int next = 0;
        int firstSound = -1;
        int maxDelayMs = 0;
        int lastMaxDelayMs = 0;
        for (int get = 0; get < frames; get++) {
            long now = 7 * MS + get * FRAME_NANOS;
            while (next < packets && arrival[byArrival[next]] <= now) {
                int index = byArrival[next++];
                tone(index, payload);
                buffer.put(0xABCDL, index, 1000L + (long) index * FRAME, payload, 0, payload.length, arrival[index]);
            }
            if (timeScaled) {
                while (scaler.needsFrame()) {
                    int length = buffer.get(out, 0, now);
                    toPcm(length, out, scaler.input(), scaler.inputOffset());
                    scaler.appended(buffer.takeAdjustment());
                }
                scaler.read(samples, get * FRAME);
            } else {
                toPcm(buffer.get(out, 0), out, samples, get * FRAME);
            }
            if (firstSound < 0 && samples[get * FRAME + FRAME - 1] != 0) firstSound = get * FRAME;
            if (firstSound >= 0) {
                int delayMs = buffer.bufferedMs() + scaler.bufferedSamples() * 1000 / RATE;
                delayMsByFrame[get] = delayMs;
                maxDelayMs = Math.max(maxDelayMs, delayMs);
                if (get >= frames - 250) lastMaxDelayMs = Math.max(lastMaxDelayMs, delayMs);
            }
        }
        return new Played(samples, firstSound, maxDelayMs, lastMaxDelayMs, buffer.stats(), delayMsByFrame);
    }

    /** Packet {@code index}'s 20 ms of the sender's tone, 16-bit big-endian. */
    private static void tone(int index, byte[] payload) {
        for (int i = 0; i < FRAME; i++) {
            short s = (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * HZ * ((long) index * FRAME + i) / RATE));
            payload[2 * i] = (byte) (s >> 8);
            payload[2 * i + 1] = (byte) s;
        }
    }

    private static void toPcm(int length, byte[] payload, short[] pcm, int offset) {
        for (int i = 0; i < FRAME; i++) {
            // Concealment and silence are both silence here: the trace has no losses, only drift.
            pcm[offset + i] = length < 0 ? 0 : (short) ((payload[2 * i] << 8) | (payload[2 * i + 1] & 0xFF));
        }
    }

    private static void assertClean(Played played, String what) {
        String figures = what + ": max step " + Math.round(played.maxStep()) + " (tone's own "
                + Math.round(2 * Math.PI * HZ / RATE * AMPLITUDE) + "), worst 400 ms block SNR "
                + Math.round(played.worstBlockSnrDb()) + " dB, max delay " + played.maxDelayMs() + " ms (last 5 s: "
                + played.lastFiveSecondsMaxDelayMs() + " ms), " + played.stats();
        System.out.println(figures);
        assertTrue(played.maxStep() < MAX_STEP, figures);
        assertTrue(played.worstBlockSnrDb() > MIN_BLOCK_SNR_DB, figures);
        assertEquals(0, played.stats().concealed(), figures);
        assertTrue(played.maxDelayMs() <= 200, figures);
        // Settled: the frame playing and the next (what bufferedMs counts, in whole frames), the spare
        // over jitter with its hysteresis, and the time-scaler's part frame.
        assertTrue(played.lastFiveSecondsMaxDelayMs() <= 80, figures);
    }

    @Test
    void fastSenderClockIsAbsorbedWithoutAClick() {
        // 0.5 % fast: 15 frames a minute to take out, after a burst of five frames at the start.
        Played played = play(1.005, 5, 60, true);
        assertClean(played, "fast sender");
        assertTrue(played.stats().dropped() >= 12, "dropped " + played.stats().dropped());
        assertTrue(played.maxDelayMs() <= 140, "delay " + played.maxDelayMs());
    }

    @Test
    void slowSenderClockIsAbsorbedWithoutAClick() {
        Played played = play(1 / 1.005, 5, 60, true);
        assertClean(played, "slow sender");
        assertTrue(played.stats().inserted() >= 12, "inserted " + played.stats().inserted());
        assertEquals(0, played.stats().late());
    }

    @Test
    void startUpBurstSettlesWithoutAClick() {
        Played played = play(1.0, 8, 20, true);
        assertClean(played, "burst of eight");
        // The burst's excess is played out a pitch period at a time, then the delay stays near the target.
        assertTrue(played.stats().dropped() >= 3, "dropped " + played.stats().dropped());
    }

    /**
     * Steady packets, but from {@code firstLate} on every {@code everyPackets}, {@code held} are held up
     * and come together {@code lateMs} after the last of them was due (a WiFi stall).
     */
    private static long[] lateBursts(int seconds, int firstLate, int everyPackets, int held, int lateMs) {
        long[] arrival = arrivals(seconds * 50 + 10, 1.0);
        for (int late = firstLate; late + held <= arrival.length; late += everyPackets) {
            long together = arrival[late + held - 1] + lateMs * MS;
            for (int i = late; i < late + held; i++) arrival[i] = together;
        }
        return arrival;
    }

    @Test
    void oneLatePacketLengthensTheDelayAndFiveQuietSecondsShortenItAgain() {
        // Frames wait 15 to 17 ms; one coming 12 ms late leaves too little spare, and the delay grows a frame.
        Played played = play(lateBursts(40, 1000, Integer.MAX_VALUE / 2, 1, 12), 40, true);
        int before = played.maxDelayMs(15, 20);
        String figures = "delay before " + before + " ms, just after " + played.maxDelayMs(21, 25)
                + " ms, at the end " + played.maxDelayMs(35, 40) + " ms, " + played.stats();
        System.out.println("one late packet: " + figures);
        assertClean(played, "one late packet");
        assertTrue(played.maxDelayMs(21, 25) >= before + 15, "lengthened: " + figures);
        assertTrue(played.maxDelayMs(35, 40) < before + 10, "shortened again: " + figures);
    }

    @Test
    void lateBurstsEveryThreeSecondsKeepTheLongerDelay() {
        // Three packets held up, the first 65 ms late. The first stall finds the short delay (an
        // underrun, three frames concealed at most); the remembered lateness keeps the delay long
        // enough for the eighteen after it.
        Played played = play(lateBursts(60, 500, 150, 3, 25), 60, true);
        String figures = "delay at the end " + played.maxDelayMs(55, 60) + " ms, " + played.stats();
        System.out.println("late bursts every 3 s: " + figures);
        assertTrue(played.stats().concealed() <= 3, figures);
        assertTrue(played.stats().underruns() <= 3, figures);
    }

    @Test
    void wholeFrameAdjustmentsWouldClick() {
        // The measurement itself: the old way (a whole frame dropped) fails both criteria.
        Played played = play(1.005, 5, 10, false);
        assertTrue(played.stats().dropped() > 0);
        assertTrue(played.maxStep() > MAX_STEP, "max step " + played.maxStep());
        assertTrue(played.worstBlockSnrDb() < MIN_BLOCK_SNR_DB, "worst SNR " + played.worstBlockSnrDb());
    }

    @Test
    void quietAudioIsCutAtOnceAndLoudAperiodicAudioWithinHalfASecond() {
        TimeScaler scaler = new TimeScaler(RATE, FRAME);
        scaler.appended(1);
        assertEquals(80, scaler.removedSamples(), "silence: the longest lag, at once");
        TimeScaler noisy = new TimeScaler(RATE, FRAME);
        Random random = new Random(1);
        short[] out = new short[FRAME];
        for (int frame = 0; frame < TimeScaler.MAX_WAIT_FRAMES; frame++) {
            while (noisy.needsFrame()) {
                for (int i = 0; i < FRAME; i++) noisy.input()[noisy.inputOffset() + i] = (short) (random.nextGaussian() * 8000);
                noisy.appended(frame == 0 ? 1 : 0);
            }
            noisy.read(out, 0);
        }
        assertTrue(noisy.removedSamples() > 0, "gave up waiting for a period");
    }
}
