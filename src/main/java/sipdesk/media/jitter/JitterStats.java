package sipdesk.media.jitter;

/**
 * Counters of a jitter buffer since it was made (a snapshot; for diagnostics, not the audio path).
 *
 * @param expected packets the sender sent in this stream, from the sequence numbers (RFC 3550 A.3);
 *     expected minus received is what RTCP reports as lost
 * @param received packets stored
 * @param duplicates packets dropped as duplicates
 * @param late packets dropped because their playout time had passed
 * @param lost frames whose packet never came while later ones had (concealed)
 * @param underruns gets that found nothing buffered (concealed for 60 ms, then silence)
 * @param concealed frames answered with {@link JitterBuffer#CONCEAL}
 * @param silent frames answered with {@link JitterBuffer#SILENCE}
 * @param dropped frames skipped (or, time-scaled, a frame's worth of pitch periods) to shorten the delay (jitter fell, or the sender's clock is fast)
 * @param inserted frames added (or, time-scaled, a frame's worth of pitch periods) to lengthen the delay (jitter rose, underrun, or a slow sender's clock)
 * @param resets restarts on a new SSRC or a timestamp jump
 * @param jitterMs the RFC 3550 interarrival jitter estimate
 * @param targetDelayMs the playout delay the buffer aims for
 */
public record JitterStats(long expected, long received, long duplicates, long late, long lost, long underruns,
        long concealed,
        long silent, long dropped, long inserted, long resets, double jitterMs, int targetDelayMs) {
}
