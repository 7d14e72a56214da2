package sipdesk.media;

import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import sipdesk.core.PhoneEvent.MediaTimeout;
import sipdesk.core.port.EventSink;

/**
 * Tells the core about each call that has sent nothing (RTP or RTCP) for the configured time
 * although its plan has the peer send: a BYE that never arrived, a peer that crashed or lost its
 * network. Reported once per silence; a new plan (re-INVITE) starts it afresh. The handset thread
 * checks once a second (every {@link #CHECK_FRAMES} frames), so no thread of its own sleeps.
 */
final class SilenceTimeouts {

    static final int CHECK_FRAMES = 50;
    private static final Logger LOG = Logger.getLogger(SilenceTimeouts.class.getName());

    private final long timeoutMillis;
    private final EventSink events;

    /** @param timeoutSeconds more than 0 ({@code sipdesk.media.rtp_timeout}; 0 means no watch at all) */
    SilenceTimeouts(int timeoutSeconds, EventSink events) {
        this.timeoutMillis = TimeUnit.SECONDS.toMillis(timeoutSeconds);
        this.events = events;
    }

    void check(CallMedia[] calls, long nowNanos) {
        for (CallMedia call : calls) {
            long silent = call.rtp.silentMillis(nowNanos);
            if (silent < timeoutMillis) {
                call.silenceReported = false;
            } else if (!call.silenceReported) {
                call.silenceReported = true;
                LOG.warning("call " + call.call + ": nothing from the peer (no RTP, no RTCP) for " + silent / 1000
                        + " s; hanging up (sipdesk.media.rtp_timeout)");
                events.post(new MediaTimeout(call.call));
            }
        }
    }
}
