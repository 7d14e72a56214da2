package sipdesk.media.rtp;

/**
 * A call's media figures for {@code sipdesk status} and the end-of-call log line.
 *
 * @param lossPercent of the packets the peer sent us (RFC 3550 A.3 expected minus received)
 * @param jitterMs RFC 3550 A.8 interarrival jitter of what we receive
 * @param remoteLossPercent what the peer reported about our stream (its last report block), -1 if none
 * @param remoteJitterMs likewise, -1 if none
 * @param rttMs round trip from RTCP LSR/DLSR (RFC 3550 6.4.1), -1 until the peer reported on an SR of ours
 * @param mos E-model estimate of the listening quality here (ITU-T G.107), 1..4.5
 */
public record CallStats(String codec, String remote, long packetsSent, long packetsReceived, long packetsLost,
                        double lossPercent, double jitterMs, double remoteLossPercent, double remoteJitterMs,
                        double rttMs, double mos) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "%s with %s: sent %d, received %d, lost %d (%.1f%%), jitter %.1f ms, peer sees loss %s jitter %s, "
                        + "RTT %s, MOS %.2f",
                codec, remote, packetsSent, packetsReceived, packetsLost, lossPercent, jitterMs,
                remoteLossPercent < 0 ? "?" : String.format(java.util.Locale.ROOT, "%.1f%%", remoteLossPercent),
                remoteJitterMs < 0 ? "?" : String.format(java.util.Locale.ROOT, "%.1f ms", remoteJitterMs),
                rttMs < 0 ? "?" : String.format(java.util.Locale.ROOT, "%.1f ms", rttMs), mos);
    }
}
