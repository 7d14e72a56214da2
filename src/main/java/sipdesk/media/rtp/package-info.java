/**
 * RTP and RTCP (RFC 3550) for one call's audio, with RFC 4733 DTMF events. {@link sipdesk.media.rtp.RtpSession}
 * owns the two sockets; it does not pace itself: whoever owns the device clock calls
 * {@link sipdesk.media.rtp.RtpSession#sendFrame} and {@link sipdesk.media.rtp.RtpSession#receiveFrame}
 * once per 20 ms frame (STYLE.md: media is pulled by the device clock). Packets are read and written
 * in preallocated arrays; nothing is allocated per packet.
 */
package sipdesk.media.rtp;
