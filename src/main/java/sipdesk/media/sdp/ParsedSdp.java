package sipdesk.media.sdp;

/** What {@link SdpParser} made of a body: a description, or what made it unusable. */
public sealed interface ParsedSdp {
    record Valid(SessionDescription sdp) implements ParsedSdp {}

    record Invalid(String message) implements ParsedSdp {}
}
