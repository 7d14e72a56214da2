package sipdesk.media.sdp;

import java.util.List;
import java.util.Optional;

/** RFC 3264 section 6.1 / 8.4: which way media flows, seen from the side that writes the attribute. */
public enum MediaDirection {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE;

    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    /** The attribute name, e.g. {@code sendonly}. */
    public String attribute() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The same flow seen from the other side: their sendonly is our recvonly. */
    public MediaDirection reversed() {
        return of(receives(), sends());
    }

    /** What both allow: we send only if both say we may, and likewise for receiving. */
    public MediaDirection and(MediaDirection other) {
        return of(sends() && other.sends(), receives() && other.receives());
    }

    public static MediaDirection of(boolean sends, boolean receives) {
        if (sends) return receives ? SENDRECV : SENDONLY;
        return receives ? RECVONLY : INACTIVE;
    }

    /** The last direction attribute in the list, if any (RFC 4566 section 6: the default is sendrecv). */
    static Optional<MediaDirection> in(List<SdpAttribute> attributes) {
        MediaDirection found = null;
        for (SdpAttribute a : attributes) {
            for (MediaDirection d : values()) {
                if (d.attribute().equalsIgnoreCase(a.name())) found = d;
            }
        }
        return Optional.ofNullable(found);
    }
}
