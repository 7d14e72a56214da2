package sipdesk.daemon;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import sipdesk.config.DtmfMode;
import sipdesk.core.CallId;
import sipdesk.media.MediaSessions;
import sipdesk.media.sdp.MediaDirection;
import sipdesk.media.sdp.Negotiation;
import sipdesk.sip.SessionDescriptions;

/**
 * The SIP adapter's SDP seam served by the media engine: every body offered or answered opens or
 * updates the call's RTP session. Runs on the SIP worker thread.
 */
final class MediaDescriptions implements SessionDescriptions {
    private static final Logger LOG = Logger.getLogger(MediaDescriptions.class.getName());

    private final MediaSessions media;
    private final String address;
    private final DtmfMode dtmf;
    /** The direction of our last offer per call: a peer's re-INVITE while we hold is answered on hold. */
    private final Map<CallId, MediaDirection> ours = new ConcurrentHashMap<>();

    MediaDescriptions(MediaSessions media, String address, DtmfMode dtmf) {
        this.media = media;
        this.address = address;
        this.dtmf = dtmf;
    }

    @Override
    public String offer(CallId call, Direction direction) {
        open(call);
        MediaDirection d = switch (direction) {
            case SENDRECV -> MediaDirection.SENDRECV;
            case SENDONLY, INACTIVE -> media.holdDirection();
            case RECVONLY -> MediaDirection.RECVONLY;
        };
        ours.put(call, d);
        return media.offer(call, d);
    }

    @Override
    public String answer(CallId call, String remote) {
        open(call);
        return switch (media.answer(call, remote, ours.getOrDefault(call, MediaDirection.SENDRECV))) {
            case Negotiation.Agreed a -> a.answerSdp().orElseGet(() -> media.offer(call, MediaDirection.SENDRECV));
            case Negotiation.NotAcceptable n -> {
                // Mid-call (a re-INVITE the phone cannot take): keep the media as it was.
                LOG.warning("[" + call + "] offer not acceptable (" + n.reason() + "): keeping the current media");
                yield media.offer(call, ours.getOrDefault(call, MediaDirection.SENDRECV));
            }
        };
    }

    @Override
    public void remoteAnswer(CallId call, String remote) {
        if (media.accept(call, remote) instanceof Negotiation.NotAcceptable n) {
            LOG.warning("[" + call + "] the peer's answer is not usable (" + n.reason() + "): no audio on this call");
        }
    }

    @Override
    public Optional<String> unacceptable(CallId call, String remoteOffer) {
        open(call);
        if (media.answer(call, remoteOffer, MediaDirection.SENDRECV) instanceof Negotiation.NotAcceptable n) {
            release(call);
            return Optional.of(n.reason());
        }
        return Optional.empty();
    }

    @Override
    public boolean sendDtmf(CallId call, char digit) {
        // account.1.dtmf.type: SIP INFO only means no RFC 4733 events; otherwise events when agreed.
        return dtmf != DtmfMode.SIP_INFO && media.sendDtmf(call, digit);
    }

    @Override
    public void release(CallId call) {
        ours.remove(call);
        media.close(call);
    }

    private void open(CallId call) {
        try {
            media.open(call, address);
        } catch (IOException e) {
            LOG.warning("[" + call + "] no RTP port: " + e.getMessage());
        }
    }
}
