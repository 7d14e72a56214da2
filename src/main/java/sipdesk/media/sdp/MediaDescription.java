package sipdesk.media.sdp;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code m=} section.
 *
 * @param media {@code audio}, {@code video}, ...
 * @param port 0 = the stream is rejected or disabled (RFC 3264 section 6)
 * @param proto e.g. {@code RTP/AVP}
 * @param formats payload types as written, in the writer's order of preference
 * @param connection the section's own {@code c=} address, if it has one
 */
public record MediaDescription(String media, int port, String proto, List<String> formats,
                               Optional<String> connection, List<SdpAttribute> attributes) {

    public MediaDescription {
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(proto, "proto");
        Objects.requireNonNull(connection, "connection");
        formats = List.copyOf(formats);
        attributes = List.copyOf(attributes);
    }

    /** The values of every {@code a=name:...} line, in order. */
    public List<String> attributeValues(String name) {
        return attributes.stream().filter(a -> a.name().equalsIgnoreCase(name)).map(SdpAttribute::value).toList();
    }

    public Optional<String> attribute(String name) {
        return attributeValues(name).stream().findFirst();
    }

    /** {@code a=rtpmap:<pt> <name>/<rate>[/<channels>]} for a payload type, if present. */
    public Optional<RtpMap> rtpmap(int payloadType) {
        for (String value : attributeValues("rtpmap")) {
            Optional<RtpMap> map = RtpMap.parse(value);
            if (map.isPresent() && map.get().payloadType() == payloadType) return map;
        }
        return Optional.empty();
    }

    /** {@code a=ptime}, if present and a number. */
    public Optional<Integer> ptimeMs() {
        return attribute("ptime").flatMap(MediaDescription::number);
    }

    public Optional<MediaDirection> direction() {
        return MediaDirection.in(attributes);
    }

    public boolean isRtpAudio() {
        return media.equalsIgnoreCase("audio") && proto.toUpperCase(Locale.ROOT).startsWith("RTP/AVP");
    }

    static Optional<Integer> number(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** An {@code a=rtpmap} value. */
    public record RtpMap(int payloadType, String encodingName, int clockRate, int channels) {

        static Optional<RtpMap> parse(String value) {
            String[] ptAndRest = value.strip().split("\\s+", 2);
            if (ptAndRest.length < 2) return Optional.empty();
            String[] parts = ptAndRest[1].split("/");
            Optional<Integer> pt = number(ptAndRest[0]);
            Optional<Integer> rate = parts.length > 1 ? number(parts[1]) : Optional.empty();
            if (pt.isEmpty() || rate.isEmpty()) return Optional.empty();
            int channels = parts.length > 2 ? number(parts[2]).orElse(1) : 1;
            return Optional.of(new RtpMap(pt.get(), parts[0].strip(), rate.get(), channels));
        }

        @Override
        public String toString() {
            return payloadType + " " + encodingName + "/" + clockRate + (channels == 1 ? "" : "/" + channels);
        }
    }
}
