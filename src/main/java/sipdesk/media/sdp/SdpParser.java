package sipdesk.media.sdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads SDP leniently (RFC 4566 section 5 order is not enforced): LF or CRLF line ends, blank lines,
 * unknown line types, a missing {@code s=} or {@code t=}, lower or upper case where peers differ.
 * Only what leaves the body without meaning is refused: no {@code m=} line, or an {@code m=} line
 * whose port is not a number. Sections other than audio are kept so that an answer can reject them
 * in place (RFC 3264 section 6).
 */
public final class SdpParser {

    private SdpParser() {
    }

    public static ParsedSdp parse(String text) {
        if (text == null || text.isBlank()) return new ParsedSdp.Invalid("empty SDP body");
        Session session = new Session();
        Section section = null;
        List<Section> sections = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.length() < 2 || line.charAt(1) != '=') continue;
            char type = Character.toLowerCase(line.charAt(0));
            String value = line.substring(2).strip();
            if (type == 'm') {
                section = Section.parse(value);
                if (section == null) {
                    return new ParsedSdp.Invalid("SDP line " + (i + 1) + ": unusable media line 'm=" + value + "'");
                }
                sections.add(section);
            } else if (section != null) {
                section.line(type, value);
            } else {
                session.line(type, value);
            }
        }
        if (sections.isEmpty()) return new ParsedSdp.Invalid("SDP without any m= line");
        return new ParsedSdp.Valid(new SessionDescription(session.user, session.id, session.version,
                session.originAddress, session.name, session.connection, session.attributes,
                sections.stream().map(Section::build).toList()));
    }

    static SdpAttribute attribute(String value) {
        int colon = value.indexOf(':');
        return colon < 0 ? SdpAttribute.flag(value) : new SdpAttribute(value.substring(0, colon).strip(),
                value.substring(colon + 1).strip());
    }

    /** The address of {@code c=IN IP4 192.0.2.1[/ttl]}; empty when the line is not understood. */
    static Optional<String> connectionAddress(String value) {
        String[] f = value.split("\\s+");
        if (f.length < 3) return Optional.empty();
        String address = f[2];
        int slash = address.indexOf('/');
        return Optional.of(slash < 0 ? address : address.substring(0, slash));
    }

    private static final class Session {
        String user = "-";
        String id = "0";
        String version = "0";
        String originAddress = "0.0.0.0";
        String name = "-";
        Optional<String> connection = Optional.empty();
        final List<SdpAttribute> attributes = new ArrayList<>();

        void line(char type, String value) {
            switch (type) {
                case 'o' -> {
                    String[] f = value.split("\\s+");
                    if (f.length >= 6) {
                        user = f[0];
                        id = f[1];
                        version = f[2];
                        originAddress = f[5];
                    }
                }
                case 's' -> name = value.isEmpty() ? "-" : value;
                case 'c' -> connection = connectionAddress(value).or(() -> connection);
                case 'a' -> attributes.add(attribute(value));
                default -> { } // v=, t=, b=, i=, ...: nothing a phone acts on
            }
        }
    }

    private static final class Section {
        final String media;
        final int port;
        final String proto;
        final List<String> formats;
        Optional<String> connection = Optional.empty();
        final List<SdpAttribute> attributes = new ArrayList<>();

        private Section(String media, int port, String proto, List<String> formats) {
            this.media = media;
            this.port = port;
            this.proto = proto;
            this.formats = formats;
        }

        /** {@code audio 49170[/2] RTP/AVP 0 8 101}, or null when the port is not a number. */
        static Section parse(String value) {
            String[] f = value.split("\\s+");
            if (f.length < 3) return null;
            String portText = f[1].contains("/") ? f[1].substring(0, f[1].indexOf('/')) : f[1];
            Optional<Integer> port = MediaDescription.number(portText);
            if (port.isEmpty() || port.get() < 0 || port.get() > 65535) return null;
            return new Section(f[0], port.get(), f[2], Arrays.asList(f).subList(3, f.length));
        }

        void line(char type, String value) {
            switch (type) {
                case 'c' -> connection = connectionAddress(value).or(() -> connection);
                case 'a' -> attributes.add(attribute(value));
                default -> { }
            }
        }

        MediaDescription build() {
            return new MediaDescription(media, port, proto, formats, connection, attributes);
        }
    }
}
