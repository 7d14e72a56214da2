package sipdesk.media;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import sipdesk.core.PhoneEvent.MediaTimeout;
import sipdesk.core.port.EventSink;

/**
 * Once a second, tells the core about each call that has sent nothing (RTP or RTCP) for the
 * configured time although its plan has the peer send: a BYE that never arrived, a peer that
 * crashed or lost its network. Reported once per silence; a new plan (re-INVITE) starts it afresh.
 */
final class SilenceTimeouts implements Runnable {

    private static final Logger LOG = Logger.getLogger(SilenceTimeouts.class.getName());
    private static final long CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Collection<CallMedia> calls;
    private final long timeoutMillis;
    private final EventSink events;
    private final BooleanSupplier closed;

    SilenceTimeouts(Collection<CallMedia> calls, int timeoutSeconds, EventSink events, BooleanSupplier closed) {
        this.calls = calls;
        this.timeoutMillis = TimeUnit.SECONDS.toMillis(timeoutSeconds);
        this.events = events;
        this.closed = closed;
    }

    @Override
    public void run() {
        while (!closed.getAsBoolean()) {
            LockSupport.parkNanos(CHECK_NANOS);
            check(System.nanoTime());
        }
    }

    void check(long nowNanos) {
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
