package sipdesk.media.rtp;

import java.net.InetAddress;
import java.util.Objects;

/**
 * How RTP sessions are opened.
 *
 * @param bindAddress the local interface, or the wildcard address
 * @param minPort lowest RTP port (Yealink {@code network.port.min_rtpport}, default 11780)
 * @param maxPort highest RTP port (Yealink {@code network.port.max_rtpport}, default 12780)
 * @param dtmfDurationMs how long each RFC 4733 digit lasts before its end packets (Yealink
 *     {@code features.dtmf.duration}, default 100)
 * @param dtmfEndRepetitions how many times the end packet of a digit is sent (Yealink
 *     {@code features.dtmf.repetition}, 1 to 3, default 3; RFC 4733 2.5.1.4 asks for 3)
 * @param rtcpIntervalMs mean RTCP report interval (RFC 3550 section 6.2: 5 s), randomised 0.5..1.5 times
 * @param silenceTimeoutSeconds after how long without RTP or RTCP on a both-way call the call is given up
 *     ({@code sipdesk.media.rtp_timeout}); 0 = never
 */
public record RtpSettings(InetAddress bindAddress, int minPort, int maxPort, int dtmfDurationMs, int dtmfEndRepetitions,
                          int rtcpIntervalMs, int silenceTimeoutSeconds) {

    public static final int DEFAULT_MIN_PORT = 11780;
    public static final int DEFAULT_MAX_PORT = 12780;
    public static final int DEFAULT_SILENCE_TIMEOUT_SECONDS = 60;

    public RtpSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (minPort < 1024 || maxPort > 65535 || maxPort - minPort < 1) {
            throw new IllegalArgumentException("RTP ports " + minPort + ".." + maxPort);
        }
        if (portPairs(minPort, maxPort) == 0) {
            throw new IllegalArgumentException("no RTP/RTCP port pair in " + minPort + ".." + maxPort);
        }
        if (dtmfDurationMs < 40 || dtmfEndRepetitions < 1 || dtmfEndRepetitions > 3 || rtcpIntervalMs < 100
                || silenceTimeoutSeconds < 0) {
            throw new IllegalArgumentException("dtmf " + dtmfDurationMs + " ms x" + dtmfEndRepetitions + ", rtcp "
                    + rtcpIntervalMs + " ms, silence " + silenceTimeoutSeconds + " s");
        }
    }

    public static RtpSettings on(InetAddress bindAddress) {
        return new RtpSettings(bindAddress, DEFAULT_MIN_PORT, DEFAULT_MAX_PORT, 100, 3, 5000, DEFAULT_SILENCE_TIMEOUT_SECONDS);
    }

    public RtpSettings withPorts(int min, int max) {
        return new RtpSettings(bindAddress, min, max, dtmfDurationMs, dtmfEndRepetitions, rtcpIntervalMs, silenceTimeoutSeconds);
    }

    public RtpSettings withDtmf(int durationMs, int endRepetitions) {
        return new RtpSettings(bindAddress, minPort, maxPort, durationMs, endRepetitions, rtcpIntervalMs, silenceTimeoutSeconds);
    }

    public RtpSettings withSilenceTimeoutSeconds(int seconds) {
        return new RtpSettings(bindAddress, minPort, maxPort, dtmfDurationMs, dtmfEndRepetitions, rtcpIntervalMs, seconds);
    }

    /** The lowest even port of the range: the first RTP port (RFC 3550 11: RTP even, RTCP the odd one above). */
    public int firstRtpPort() {
        return (minPort + 1) & ~1;
    }

    /** How many RTP/RTCP port pairs fit in the range. */
    public int portPairs() {
        return portPairs(minPort, maxPort);
    }

    /** How many RTP/RTCP port pairs fit in {@code min..max}, both ends included. */
    public static int portPairs(int min, int max) {
        int firstEven = (min + 1) & ~1;
        return firstEven + 1 > max ? 0 : (max - firstEven - 1) / 2 + 1;
    }

    public RtpSettings withRtcpIntervalMs(int ms) {
        return new RtpSettings(bindAddress, minPort, maxPort, dtmfDurationMs, dtmfEndRepetitions, ms, silenceTimeoutSeconds);
    }
}
