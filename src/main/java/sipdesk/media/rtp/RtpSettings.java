package sipdesk.media.rtp;

import java.net.InetAddress;
import java.util.Objects;

/**
 * How RTP sessions are opened.
 *
 * @param bindAddress the local interface, or the wildcard address
 * @param minPort lowest RTP port (Yealink {@code network.port.min_rtpport}, default 11780)
 * @param maxPort highest RTP port (Yealink {@code network.port.max_rtpport}, default 12780)
 * @param dtmfDurationMs how long each RFC 4733 digit lasts before its end packets
 * @param rtcpIntervalMs mean RTCP report interval (RFC 3550 section 6.2: 5 s), randomised 0.5..1.5 times
 */
public record RtpSettings(InetAddress bindAddress, int minPort, int maxPort, int dtmfDurationMs, int rtcpIntervalMs) {

    public RtpSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (minPort < 1024 || maxPort > 65534 || maxPort - minPort < 2) {
            throw new IllegalArgumentException("RTP ports " + minPort + ".." + maxPort);
        }
        if (dtmfDurationMs < 40 || rtcpIntervalMs < 100) {
            throw new IllegalArgumentException("dtmf " + dtmfDurationMs + " ms, rtcp " + rtcpIntervalMs + " ms");
        }
    }

    public static RtpSettings on(InetAddress bindAddress) {
        return new RtpSettings(bindAddress, 11780, 12780, 100, 5000);
    }

    public RtpSettings withRtcpIntervalMs(int ms) {
        return new RtpSettings(bindAddress, minPort, maxPort, dtmfDurationMs, ms);
    }
}
