/**
 * The phone's media adapter. {@link sipdesk.media.MediaEngine} implements the core's
 * {@link sipdesk.core.port.Audio} port (tones, ringer, which calls reach the handset) and
 * {@link sipdesk.media.MediaSessions}, the seam the SIP adapter calls with SDP bodies in and out.
 * Sub-packages: {@code sdp} (offer/answer, pure), {@code rtp} (RTP/RTCP sockets, RFC 4733),
 * {@code audio} (javax.sound devices, files, resampling), {@code codec}, {@code jitter} and
 * {@code tone} (pure).
 */
package sipdesk.media;
