package sipdesk.media.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A session description (RFC 4566), reduced to what a phone reads and writes.
 *
 * @param originUser {@code o=} user name ({@code -} when none)
 * @param sessionId {@code o=} sess-id, kept as text (some peers write numbers past 64 bits)
 * @param sessionVersion {@code o=} sess-version, text for the same reason
 * @param originAddress {@code o=} unicast address
 * @param connection the session-level {@code c=} address, used by sections without their own
 */
public record SessionDescription(String originUser, String sessionId, String sessionVersion, String originAddress,
                                 String sessionName, Optional<String> connection, List<SdpAttribute> attributes,
                                 List<MediaDescription> media) {

    public SessionDescription {
        Objects.requireNonNull(originUser, "originUser");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(sessionVersion, "sessionVersion");
        Objects.requireNonNull(originAddress, "originAddress");
        Objects.requireNonNull(sessionName, "sessionName");
        Objects.requireNonNull(connection, "connection");
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
    }

    /** Where a section's media goes: its own {@code c=}, else the session's. */
    public Optional<String> connectionOf(MediaDescription m) {
        return m.connection().or(() -> connection);
    }

    /** A section's direction: its own attribute, else the session's, else sendrecv (RFC 4566 section 6). */
    public MediaDirection directionOf(MediaDescription m) {
        return m.direction().or(() -> MediaDirection.in(attributes)).orElse(MediaDirection.SENDRECV);
    }

    @Override
    public String toString() {
        return SdpWriter.write(this);
    }
}
