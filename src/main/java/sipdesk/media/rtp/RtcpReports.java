package sipdesk.media.rtp;

import java.nio.charset.StandardCharsets;

/**
 * RTCP for one session (RFC 3550 section 6): writes our compound report (SR when we sent since the
 * last one, else RR; one report block about the peer; SDES CNAME) and reads the peer's, taking LSR
 * and DLSR from its report block about us to measure the round trip (section 6.4.1). Works in caller
 * buffers; the only state is primitive. Thread contract: all methods are called under the session's
 * lock (the media thread writes, the RTCP receiver reads).
 */
final class RtcpReports {

    static final int SR = 200;
    static final int RR = 201;
    static final int SDES = 202;
    static final int BYE = 203;
    private static final long NTP_EPOCH_OFFSET_MS = 2_208_988_800_000L;

    private final long ssrc;
    private final byte[] cname;

    private long lastSrMiddle;
    private long lastSrArrivalNanos;
    private boolean haveSr;

    double remoteFractionLost = -1;
    double remoteJitterMs = -1;
    double rttMs = -1;

    RtcpReports(long ssrc, String cname) {
        this.ssrc = ssrc;
        this.cname = cname.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Writes our compound packet.
     *
     * @param sentSinceLastReport whether we sent RTP since the last report (then it is an SR)
     * @param wallMillis current wall-clock time, for the NTP timestamp
     */
    int write(byte[] out, boolean sentSinceLastReport, long wallMillis, long nowNanos, long rtpTimestamp,
            long packetsSent, long octetsSent, ReceptionStats reception) {
        int at = 0;
        boolean block = reception.started();
        int blocks = block ? 1 : 0;
        if (sentSinceLastReport) {
            int words = 6 + 6 * blocks;
            header(out, at, blocks, SR, words);
            RtpPacket.putInt(out, at + 4, ssrc);
            long ntp = ntp(wallMillis);
            RtpPacket.putInt(out, at + 8, ntp >>> 32);
            RtpPacket.putInt(out, at + 12, ntp);
            RtpPacket.putInt(out, at + 16, rtpTimestamp);
            RtpPacket.putInt(out, at + 20, packetsSent);
            RtpPacket.putInt(out, at + 24, octetsSent);
            at += 28;
        } else {
            header(out, at, blocks, RR, 1 + 6 * blocks);
            RtpPacket.putInt(out, at + 4, ssrc);
            at += 8;
        }
        if (block) at = reportBlock(out, at, nowNanos, reception);
        return sdes(out, at);
    }

    private int reportBlock(byte[] out, int at, long nowNanos, ReceptionStats reception) {
        RtpPacket.putInt(out, at, reception.ssrc());
        long lost = Math.max(-0x800000, Math.min(0x7FFFFF, reception.lost()));
        RtpPacket.putInt(out, at + 4, ((long) reception.fractionLostSinceLastReport() << 24) | (lost & 0xFFFFFF));
        RtpPacket.putInt(out, at + 8, reception.extendedHighest());
        RtpPacket.putInt(out, at + 12, reception.jitterTicks());
        RtpPacket.putInt(out, at + 16, haveSr ? lastSrMiddle : 0);
        long dlsr = haveSr ? (nowNanos - lastSrArrivalNanos) * 65536 / 1_000_000_000L : 0;
        RtpPacket.putInt(out, at + 20, dlsr);
        return at + 24;
    }

    private int sdes(byte[] out, int at) {
        int itemBytes = 4 + 2 + cname.length + 1; // SSRC, type+length, text, end of list
        int padded = (itemBytes + 3) & ~3;
        header(out, at, 1, SDES, padded / 4);
        RtpPacket.putInt(out, at + 4, ssrc);
        out[at + 8] = 1; // CNAME
        out[at + 9] = (byte) cname.length;
        System.arraycopy(cname, 0, out, at + 10, cname.length);
        for (int i = at + 10 + cname.length; i < at + 4 + padded; i++) out[i] = 0;
        return at + 4 + padded;
    }

    /** RFC 3550 section 6.6: an empty RR, our CNAME and a BYE, sent when the call's media ends. */
    int writeBye(byte[] out) {
        header(out, 0, 0, RR, 1);
        RtpPacket.putInt(out, 4, ssrc);
        int at = sdes(out, 8);
        header(out, at, 1, BYE, 1);
        RtpPacket.putInt(out, at + 4, ssrc);
        return at + 8;
    }

    private static void header(byte[] out, int at, int count, int type, int lengthWords) {
        out[at] = (byte) (0x80 | count);
        out[at + 1] = (byte) type;
        RtpPacket.putShort(out, at + 2, lengthWords);
    }

    /** Reads a compound packet from the peer: its SR time for our next LSR, its block about us. */
    void read(byte[] in, int length, long wallMillis, long nowNanos, int clockRate) {
        int at = 0;
        while (at + 8 <= length && (in[at] & 0xC0) == 0x80) {
            int count = in[at] & 0x1F;
            int type = in[at + 1] & 0xFF;
            int end = at + 4 + 4 * RtpPacket.getShort(in, at + 2);
            if (end > length) return;
            int blocks = at + 8;
            if (type == SR && at + 28 <= end) {
                lastSrMiddle = (RtpPacket.getInt(in, at + 8) & 0xFFFF) << 16 | RtpPacket.getInt(in, at + 12) >>> 16;
                lastSrArrivalNanos = nowNanos;
                haveSr = true;
                blocks = at + 28;
            }
            if (type == SR || type == RR) {
                for (int i = 0; i < count && blocks + 24 <= end; i++, blocks += 24) {
                    if (RtpPacket.getInt(in, blocks) == ssrc) aboutUs(in, blocks, wallMillis, clockRate);
                }
            }
            at = end;
        }
    }

    private void aboutUs(byte[] in, int at, long wallMillis, int clockRate) {
        remoteFractionLost = (in[at + 4] & 0xFF) / 256.0;
        remoteJitterMs = RtpPacket.getInt(in, at + 12) * 1000.0 / clockRate;
        long lsr = RtpPacket.getInt(in, at + 16);
        long dlsr = RtpPacket.getInt(in, at + 20);
        if (lsr != 0) {
            long ntp = ntp(wallMillis);
            long middle = ((ntp >>> 16) & 0xFFFFFFFFL);
            long rtt = (middle - lsr - dlsr) & 0xFFFFFFFFL;
            if (rtt < 65536L * 10) rttMs = rtt * 1000.0 / 65536; // ignore nonsense past 10 s
        }
    }

    /** RFC 3550 section 4: seconds since 1900 in the high word, the fraction in the low word. */
    static long ntp(long wallMillis) {
        long ms = wallMillis + NTP_EPOCH_OFFSET_MS;
        long seconds = ms / 1000;
        long fraction = ((ms % 1000) << 32) / 1000;
        return (seconds << 32) | fraction;
    }
}
