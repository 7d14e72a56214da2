package sipdesk.sip;

import sipdesk.core.CallId;

/**
 * The seam between signalling and media: SDP bodies as text. The SIP adapter never parses codecs;
 * the media package replaces {@link #g711()} with one backed by its RTP sessions.
 * Called on the SIP worker thread.
 */
public interface SessionDescriptions {

    /** How our side wants the media stream to flow (RFC 3264 §6.1 direction attributes). */
    enum Direction {
        SENDRECV, SENDONLY, RECVONLY, INACTIVE;

        String attribute() {
            return "a=" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Our offer for a new call or a re-INVITE (hold: SENDONLY or INACTIVE; resume: SENDRECV). */
    String offer(CallId call, Direction direction);

    /** Our answer to the peer's offer {@code remote} (in a new INVITE or a re-INVITE). */
    String answer(CallId call, String remote);

    /** The peer's answer to our offer (200, or 183/180 with early media). */
    void remoteAnswer(CallId call, String remote);

    /** The call ended: free its ports. */
    void release(CallId call);

    /**
     * Why a new INVITE's offer cannot be answered (no codec in common), checked before the phone
     * rings: the INVITE then gets 488 Not Acceptable Here at once.
     */
    default java.util.Optional<String> unacceptable(CallId call, String remoteOffer) {
        return java.util.Optional.empty();
    }

    /** Sends a DTMF digit in the media (RFC 4733); false when the call has no telephone-event, then SIP INFO is used. */
    default boolean sendDtmf(CallId call, char digit) {
        return false;
    }

    /** PCMU, PCMA and telephone-event on an even RTP port of {@code address}. */
    static SessionDescriptions g711(String address) {
        return new G711SessionDescriptions(address);
    }
}
