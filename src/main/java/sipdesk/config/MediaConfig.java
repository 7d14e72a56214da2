package sipdesk.config;

/**
 * Phone-wide media keys: the local RTP port range and how digits are sent as RFC 4733 events.
 *
 * @param minRtpPort {@code network.port.min_rtpport}
 * @param maxRtpPort {@code network.port.max_rtpport}; the range holds at least one even RTP port and the RTCP port above it
 * @param dtmfDurationMs {@code features.dtmf.duration}
 * @param dtmfRepetitions {@code features.dtmf.repetition}: how many times the end packet goes out
 * @param rtpTimeoutSeconds {@code sipdesk.media.rtp_timeout}: silence that ends an answered call; 0 = never
 */
public record MediaConfig(int minRtpPort, int maxRtpPort, int dtmfDurationMs, int dtmfRepetitions, int rtpTimeoutSeconds) {
}
