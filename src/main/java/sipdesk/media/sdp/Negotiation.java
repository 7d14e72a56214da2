package sipdesk.media.sdp;

import java.util.Optional;

/** The outcome of an offer or an answer given to {@link SdpNegotiator}. */
public sealed interface Negotiation {

    /**
     * Media agreed.
     *
     * @param answerSdp the body to send back when we answered an offer; empty when we took an answer
     */
    record Agreed(MediaPlan plan, Optional<String> answerSdp) implements Negotiation {}

    /**
     * Nothing usable: for an offer, answer with {@code statusCode} (488 Not Acceptable Here, RFC 3261
     * section 21.4.26, with {@code reason} in a Warning 304/305 header); for an answer to our offer,
     * the call has no media and should be ended.
     */
    record NotAcceptable(int statusCode, String reason) implements Negotiation {
        public static NotAcceptable here(String reason) {
            return new NotAcceptable(488, reason);
        }
    }
}
