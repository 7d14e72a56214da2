package sipdesk.media;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import sipdesk.core.CallId;
import sipdesk.media.rtp.CallStats;
import sipdesk.media.sdp.MediaDirection;
import sipdesk.media.sdp.Negotiation;

/**
 * What the SIP adapter asks of the media side, per call leg, with SDP bodies in and out (no javax.sip
 * or javax.sdp types). Typical use:
 * <pre>
 * outgoing INVITE:  open(call, localIp); body = offer(call, SENDRECV)  ... 200 OK: accept(call, answerBody)
 * incoming INVITE:  open(call, localIp); answer(call, offerBody, SENDRECV) -> Agreed: 200 with its answerSdp
 *                                                                          -> NotAcceptable: 488 + Warning
 * Hold / Resume:    re-INVITE with offer(call, holdDirection()) / offer(call, SENDRECV), then accept(...)
 * peer re-INVITE:   answer(call, body, SENDRECV, or holdDirection() while we hold); the plan is applied at once
 * SendDtmf:         sendDtmf(call, digit) (false: no telephone-event agreed; use SIP INFO)
 * call ended:       close(call)  (logs the call's media statistics)
 * </pre>
 * Thread-safe; calls for one leg are expected in order from one thread (the SIP adapter's).
 */
public interface MediaSessions {

    /**
     * Opens RTP for a call leg: binds an even port pair now, so that the first SDP can name it.
     * Idempotent.
     *
     * @param localAddress our {@code c=} address: the address of the interface the SIP adapter uses
     *     towards the peer
     */
    void open(CallId call, String localAddress) throws IOException;

    /** Our offer (INVITE, or a re-INVITE to hold or resume). */
    String offer(CallId call, MediaDirection direction);

    /** The peer's offer: an answer to send and the plan now in force, or 488. */
    Negotiation answer(CallId call, String offerSdp, MediaDirection direction);

    /** The peer's answer to our last offer; the plan is in force when agreed. */
    Negotiation accept(CallId call, String answerSdp);

    /** What a hold offer asks for (Yealink {@code account.1.hold_use_inactive}). */
    MediaDirection holdDirection();

    boolean sendDtmf(CallId call, char digit);

    Optional<CallStats> stats(CallId call);

    /** Every open call's figures, for the {@code status} command. */
    Map<CallId, CallStats> stats();

    void close(CallId call);
}
