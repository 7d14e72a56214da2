package sipdesk.media.sdp;

import java.util.Objects;

/**
 * What offer/answer agreed for a call's audio: where to send, in what, and which way.
 *
 * @param remoteAddress the peer's {@code c=} address as written (a host or literal); "0.0.0.0" for
 *     legacy hold. Symmetric RTP may later send elsewhere (to where the peer's packets come from)
 * @param remotePort the peer's RTP port (RTCP is on the next one, RFC 3550 section 11)
 * @param codec SDP encoding name, e.g. {@code PCMU}
 * @param payloadType the payload type for that codec on this stream (the offerer's number)
 * @param clockRate RTP clock of the codec (8000 for G.711 and G.722)
 * @param telephoneEventPayloadType RFC 4733 payload type at the codec's clock rate, -1 = none agreed
 * @param direction what we do: {@code SENDONLY} = we send and do not play what comes
 * @param ptimeMs packet time the peer asked for (a=ptime), else ours
 */
public record MediaPlan(String remoteAddress, int remotePort, String codec, int payloadType, int clockRate,
                        int telephoneEventPayloadType, MediaDirection direction, int ptimeMs) {

    public MediaPlan {
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(direction, "direction");
    }

    /** RFC 3264 section 8.4 / RFC 2543: {@code c=0.0.0.0} means "do not send to me". */
    public boolean remoteOnLegacyHold() {
        return remoteAddress.equals("0.0.0.0") || remoteAddress.equals("::");
    }

    public boolean hasTelephoneEvents() {
        return telephoneEventPayloadType >= 0;
    }
}
