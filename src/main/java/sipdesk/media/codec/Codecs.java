package sipdesk.media.codec;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The codecs this phone speaks, by SDP name or static payload type. Each call to {@link #create}
 * gives a fresh instance (codecs carry per-stream state). Opus will register here with a dynamic
 * payload type.
 */
public final class Codecs {

    /** SDP encoding names we offer, in the default order of preference (wideband first). */
    public static final List<String> SUPPORTED = List.of("G722", "PCMU", "PCMA");

    private Codecs() {
    }

    /** A new codec for an SDP encoding name (case-insensitive, RFC 4566 section 6), if we have it. */
    public static Optional<AudioCodec> create(String encodingName) {
        return switch (encodingName.toUpperCase(Locale.ROOT)) {
            case "PCMU" -> Optional.of(G711Codec.pcmu());
            case "PCMA" -> Optional.of(G711Codec.pcma());
            case "G722" -> Optional.of(new G722Codec());
            default -> Optional.empty();
        };
    }

    /** A new codec for an RFC 3551 static payload type, if we have it. */
    public static Optional<AudioCodec> forStaticPayloadType(int payloadType) {
        return switch (payloadType) {
            case 0 -> create("PCMU");
            case 8 -> create("PCMA");
            case 9 -> create("G722");
            default -> Optional.empty();
        };
    }
}
