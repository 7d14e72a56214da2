/**
 * Audio codecs as pure functions over primitive arrays: G.711 (PCMU, PCMA) and G.722 at 64 kbit/s,
 * each with packet loss concealment. No sockets and no sound devices here; {@link
 * sipdesk.media.codec.Codecs} finds a codec by its SDP name or static payload type.
 */
package sipdesk.media.codec;
