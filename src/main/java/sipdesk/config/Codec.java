package sipdesk.config;

/** The codecs sipdesk speaks, with their static RTP payload types (RFC 3551). */
public enum Codec {
    PCMU(0), PCMA(8), G722(9);

    private final int payloadType;

    Codec(int payloadType) {
        this.payloadType = payloadType;
    }

    public int payloadType() {
        return payloadType;
    }
}
