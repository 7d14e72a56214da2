package sipdesk.media.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import sipdesk.media.codec.AudioCodec;
import sipdesk.media.codec.Codecs;
import sipdesk.media.sdp.MediaDescription.RtpMap;

/**
 * Offer/answer (RFC 3264) for one call's audio stream, on the SIP adapter's thread. It remembers our
 * origin line so that every new body we send carries the same session id and a version one higher
 * (RFC 3264 section 8), and the direction we last asked for.
 *
 * <p>Codec choice when answering: the first format in the <em>offerer's</em> list that we have enabled
 * (RFC 3264 section 6.1: the offerer's order is its preference, and honouring it means both sides
 * pick the same codec). Our own priority decides only what we offer. The answer names that one codec
 * (plus telephone-event), so the offerer never has to guess which one we send (section 6.1 allows
 * switching between answered codecs without signalling; one avoids that).
 *
 * <p>Not thread-safe: one instance per call, used by the SIP adapter's thread.
 */
public final class SdpNegotiator {

    private static final String TELEPHONE_EVENT = "telephone-event";
    private static final String NULL_ADDRESS = "0.0.0.0";

    private final SdpPolicy policy;
    private final String localAddress;
    private final int localPort;
    private final String sessionId;
    private long version;
    private String lastBodyWithoutOrigin = "";
    private MediaDirection wanted = MediaDirection.SENDRECV;
    /** Payload type -> codec name of our last offer, to read the answer with. */
    private Map<Integer, String> offered = Map.of();

    /**
     * @param localAddress our {@code c=} address (the caller knows the interface the peer can reach)
     * @param localPort our RTP port, even (RTCP on the next one)
     * @param sessionId {@code o=} session id, e.g. from a clock or a random number
     */
    public SdpNegotiator(SdpPolicy policy, String localAddress, int localPort, long sessionId) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.localAddress = Objects.requireNonNull(localAddress, "localAddress");
        this.localPort = localPort;
        this.sessionId = Long.toUnsignedString(sessionId);
        this.version = sessionId & 0xFFFF_FFFFL;
    }

    /**
     * Our offer for an INVITE or re-INVITE: every enabled codec in priority order, telephone-event at
     * each codec clock rate, ptime, and the direction asked for ({@code SENDONLY} or {@code INACTIVE}
     * to hold: pass {@link SdpPolicy#holdDirection()}; {@code SENDRECV} to resume, RFC 3264 section 8.4).
     */
    public String offer(MediaDirection direction) {
        wanted = direction;
        Map<Integer, String> formats = new LinkedHashMap<>();
        List<SdpAttribute> attributes = new ArrayList<>();
        List<Integer> eventRates = new ArrayList<>();
        for (String name : policy.codecs()) {
            AudioCodec codec = Codecs.create(name).orElseThrow();
            formats.put(codec.payloadType(), name);
            attributes.add(new SdpAttribute("rtpmap", codec.payloadType() + " " + name + "/" + codec.clockRate()));
            if (!eventRates.contains(codec.clockRate())) eventRates.add(codec.clockRate());
        }
        if (policy.telephoneEventPayloadType() >= 0) {
            int pt = policy.telephoneEventPayloadType();
            for (int rate : eventRates) {
                while (formats.containsKey(pt)) pt = pt == 127 ? 96 : pt + 1;
                formats.put(pt, TELEPHONE_EVENT + "/" + rate);
                attributes.add(new SdpAttribute("rtpmap", pt + " " + TELEPHONE_EVENT + "/" + rate));
                attributes.add(new SdpAttribute("fmtp", pt + " 0-16"));
            }
        }
        offered = Map.copyOf(formats);
        List<String> pts = formats.keySet().stream().map(String::valueOf).toList();
        return render(pts, attributes, direction);
    }

    /**
     * Answers an offer (initial INVITE, re-INVITE, or an offer in a 200 to our empty INVITE). The plan
     * gives where and how to send; {@code direction} is what we want (SENDRECV, or our hold direction
     * while we hold the call) and is combined with the offer's.
     */
    public Negotiation answer(String offerSdp, MediaDirection direction) {
        wanted = direction;
        ParsedSdp parsed = SdpParser.parse(offerSdp);
        if (parsed instanceof ParsedSdp.Invalid invalid) return Negotiation.NotAcceptable.here(invalid.message());
        SessionDescription offer = ((ParsedSdp.Valid) parsed).sdp();
        MediaPlan plan = null;
        List<MediaDescription> answerMedia = new ArrayList<>();
        for (MediaDescription m : offer.media()) {
            Optional<Chosen> chosen = plan == null && m.port() != 0 && m.isRtpAudio()
                    ? choose(m, policy.codecs()) : Optional.empty();
            if (chosen.isEmpty()) {
                answerMedia.add(new MediaDescription(m.media(), 0, m.proto(), m.formats(), Optional.empty(), List.of()));
                continue;
            }
            plan = plan(offer, m, chosen.get(), direction);
            answerMedia.add(answerSection(m, chosen.get(), plan.direction()));
        }
        if (plan == null) {
            return Negotiation.NotAcceptable.here("no common audio codec: offered " + describe(offer)
                    + ", we accept " + String.join(" ", policy.codecs()));
        }
        String body = render(answerMedia, plan.direction());
        return new Negotiation.Agreed(plan, Optional.of(body));
    }

    /** Takes the answer to our last {@link #offer}. */
    public Negotiation accept(String answerSdp) {
        ParsedSdp parsed = SdpParser.parse(answerSdp);
        if (parsed instanceof ParsedSdp.Invalid invalid) return Negotiation.NotAcceptable.here(invalid.message());
        SessionDescription answer = ((ParsedSdp.Valid) parsed).sdp();
        MediaDescription m = answer.media().getFirst();
        if (m.port() == 0 || !m.isRtpAudio()) {
            return Negotiation.NotAcceptable.here("the answer rejected our audio stream");
        }
        List<String> ours = offered.values().stream().filter(n -> !n.startsWith(TELEPHONE_EVENT)).toList();
        return choose(m, ours)
                .<Negotiation>map(c -> new Negotiation.Agreed(plan(answer, m, c, wanted), Optional.empty()))
                .orElseGet(() -> Negotiation.NotAcceptable.here("the answer has none of our codecs: " + describe(answer)));
    }

    // --- choosing -------------------------------------------------------------------------------

    private record Chosen(String codec, int payloadType, int clockRate, int telephoneEventPayloadType) {}

    /** The first format of the section that is in {@code acceptable}, with its telephone-event type. */
    private Optional<Chosen> choose(MediaDescription m, List<String> acceptable) {
        for (String format : m.formats()) {
            Optional<Integer> pt = MediaDescription.number(format);
            if (pt.isEmpty()) continue;
            Optional<String> name = encodingName(m, pt.get());
            if (name.isEmpty() || !acceptable.contains(name.get())) continue;
            int clockRate = Codecs.create(name.get()).orElseThrow().clockRate();
            Optional<RtpMap> map = m.rtpmap(pt.get());
            if (map.isPresent() && map.get().clockRate() != clockRate) continue;
            return Optional.of(new Chosen(name.get(), pt.get(), clockRate, telephoneEvent(m, clockRate)));
        }
        return Optional.empty();
    }

    /** The section's name for a payload type: its rtpmap, else the RFC 3551 static assignment. */
    private static Optional<String> encodingName(MediaDescription m, int pt) {
        Optional<RtpMap> map = m.rtpmap(pt);
        if (map.isPresent()) return Optional.of(map.get().encodingName().toUpperCase(Locale.ROOT));
        return Codecs.forStaticPayloadType(pt).map(AudioCodec::encodingName);
    }

    private int telephoneEvent(MediaDescription m, int clockRate) {
        if (policy.telephoneEventPayloadType() < 0) return -1;
        for (String format : m.formats()) {
            Optional<Integer> pt = MediaDescription.number(format);
            Optional<RtpMap> map = pt.flatMap(m::rtpmap);
            if (map.isPresent() && map.get().encodingName().equalsIgnoreCase(TELEPHONE_EVENT)
                    && map.get().clockRate() == clockRate) {
                return pt.get();
            }
        }
        return -1;
    }

    private MediaPlan plan(SessionDescription remote, MediaDescription m, Chosen c, MediaDirection ours) {
        String address = remote.connectionOf(m).orElse(NULL_ADDRESS);
        MediaDirection remoteSide = remote.directionOf(m);
        MediaDirection agreed = ours.and(remoteSide.reversed());
        if (address.equals(NULL_ADDRESS) || address.equals("::")) {
            agreed = agreed.and(MediaDirection.RECVONLY); // RFC 2543 hold: nowhere to send to
        }
        int ptime = m.ptimeMs().filter(p -> p > 0).orElse(policy.ptimeMs() > 0 ? policy.ptimeMs() : 20);
        return new MediaPlan(address, m.port(), c.codec(), c.payloadType(), c.clockRate(),
                c.telephoneEventPayloadType(), agreed, ptime);
    }

    // --- writing --------------------------------------------------------------------------------

    private MediaDescription answerSection(MediaDescription offered, Chosen c, MediaDirection direction) {
        List<String> formats = new ArrayList<>(List.of(String.valueOf(c.payloadType())));
        List<SdpAttribute> attributes = new ArrayList<>();
        attributes.add(new SdpAttribute("rtpmap", c.payloadType() + " " + c.codec() + "/" + c.clockRate()));
        if (c.telephoneEventPayloadType() >= 0) {
            formats.add(String.valueOf(c.telephoneEventPayloadType()));
            attributes.add(new SdpAttribute("rtpmap",
                    c.telephoneEventPayloadType() + " " + TELEPHONE_EVENT + "/" + c.clockRate()));
            attributes.add(new SdpAttribute("fmtp", c.telephoneEventPayloadType() + " 0-16"));
        }
        if (policy.ptimeMs() > 0) attributes.add(new SdpAttribute("ptime", String.valueOf(policy.ptimeMs())));
        attributes.add(SdpAttribute.flag(direction.attribute()));
        return new MediaDescription("audio", localPort, offered.proto(), formats, Optional.empty(), attributes);
    }

    private String render(List<String> formats, List<SdpAttribute> attributes, MediaDirection direction) {
        List<SdpAttribute> all = new ArrayList<>(attributes);
        if (policy.ptimeMs() > 0) all.add(new SdpAttribute("ptime", String.valueOf(policy.ptimeMs())));
        all.add(SdpAttribute.flag(direction.attribute()));
        MediaDescription audio = new MediaDescription("audio", localPort, "RTP/AVP", formats, Optional.empty(), all);
        return render(List.of(audio), direction);
    }

    /** Writes the body; the version goes up only when the body differs from the last one we sent. */
    private String render(List<MediaDescription> media, MediaDirection direction) {
        boolean nullAddress = policy.legacyHold() && !direction.receives();
        String connection = nullAddress ? NULL_ADDRESS : localAddress;
        String candidate = SdpWriter.write(description(connection, media, "0"));
        String withoutOrigin = candidate.substring(candidate.indexOf("\r\ns=") + 2);
        if (!withoutOrigin.equals(lastBodyWithoutOrigin)) {
            if (!lastBodyWithoutOrigin.isEmpty()) version++;
            lastBodyWithoutOrigin = withoutOrigin;
        }
        return SdpWriter.write(description(connection, media, Long.toString(version)));
    }

    private SessionDescription description(String connection, List<MediaDescription> media, String version) {
        return new SessionDescription("sipdesk", sessionId, version, localAddress, "sipdesk", Optional.of(connection),
                List.of(), media);
    }

    private static String describe(SessionDescription sdp) {
        List<String> names = new ArrayList<>();
        for (MediaDescription m : sdp.media()) {
            for (String f : m.formats()) {
                names.add(m.media() + ":" + MediaDescription.number(f).flatMap(pt -> encodingName(m, pt)).orElse(f));
            }
        }
        return String.join(" ", names);
    }
}
