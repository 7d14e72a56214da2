/**
 * SDP for one audio stream (RFC 4566) and the offer/answer rules around it (RFC 3264): a small model,
 * a lenient parser, a strict writer, and {@link sipdesk.media.sdp.SdpNegotiator}, which turns offers
 * and answers into a {@link sipdesk.media.sdp.MediaPlan}. Pure: no sockets, no javax.sdp, no javax.sip.
 */
package sipdesk.media.sdp;
