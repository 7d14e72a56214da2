package sipdesk.media.sdp;

/**
 * Writes SDP strictly: RFC 4566 line order (v, o, s, c, t, a, then each m with its c and a), CRLF line
 * ends, {@code IP6} for an address with a colon, {@code t=0 0}. The model's fields are checked here, not
 * trusted: a value with a line break or an empty format list is a bug and throws.
 */
public final class SdpWriter {

    private SdpWriter() {
    }

    public static String write(SessionDescription sdp) {
        StringBuilder out = new StringBuilder(512);
        line(out, 'v', "0");
        line(out, 'o', token(sdp.originUser()) + " " + token(sdp.sessionId()) + " " + token(sdp.sessionVersion())
                + " IN " + addressType(sdp.originAddress()) + " " + token(sdp.originAddress()));
        line(out, 's', sdp.sessionName().isBlank() ? "-" : sdp.sessionName());
        sdp.connection().ifPresent(c -> line(out, 'c', connection(c)));
        line(out, 't', "0 0");
        sdp.attributes().forEach(a -> line(out, 'a', a.toString()));
        for (MediaDescription m : sdp.media()) {
            if (m.formats().isEmpty()) throw new IllegalArgumentException("m=" + m.media() + " without formats");
            if (m.port() < 0 || m.port() > 65535) throw new IllegalArgumentException("port " + m.port());
            line(out, 'm', token(m.media()) + " " + m.port() + " " + token(m.proto()) + " "
                    + String.join(" ", m.formats().stream().map(SdpWriter::token).toList()));
            m.connection().ifPresent(c -> line(out, 'c', connection(c)));
            m.attributes().forEach(a -> line(out, 'a', a.toString()));
        }
        return out.toString();
    }

    private static String connection(String address) {
        return "IN " + addressType(address) + " " + token(address);
    }

    static String addressType(String address) {
        return address.indexOf(':') >= 0 ? "IP6" : "IP4";
    }

    private static String token(String value) {
        if (value.isEmpty() || value.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("not an SDP token: '" + value + "'");
        }
        return value;
    }

    private static void line(StringBuilder out, char type, String value) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("line break in " + type + "= value");
        }
        out.append(type).append('=').append(value).append("\r\n");
    }
}
