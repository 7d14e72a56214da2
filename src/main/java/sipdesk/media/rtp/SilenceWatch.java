package sipdesk.media.rtp;

import sipdesk.media.sdp.MediaPlan;

/**
 * How long a session has heard nothing (no RTP of any payload type, no RTCP) while its plan says the
 * peer sends to us and we send to it. A peer that puts us on hold, or that we hold, may well stay
 * silent; a peer on a both-way plan keeps sending at least RTCP, so a long silence means its BYE was
 * lost or it is gone. Written by the receive threads and {@link RtpSession#apply}, read by anyone.
 */
final class SilenceWatch {

    private volatile long lastHeardNanos;
    private volatile boolean expecting;

    /** A new plan (answer, re-INVITE, hold, resume) starts the count afresh. */
    void plan(MediaPlan plan, long nowNanos) {
        lastHeardNanos = nowNanos;
        expecting = plan.direction().sends() && plan.direction().receives() && !plan.remoteOnLegacyHold()
                && plan.remotePort() != 0;
    }

    void heard(long nowNanos) {
        lastHeardNanos = nowNanos;
    }

    /** Milliseconds of silence so far on a both-way plan; 0 when the peer is not expected to send. */
    long silentMillis(long nowNanos) {
        return expecting ? Math.max(0, (nowNanos - lastHeardNanos) / 1_000_000) : 0;
    }
}
