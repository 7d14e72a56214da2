package sipdesk.media.rtp;

/**
 * The RTP fixed header (RFC 3550 section 5.1) read from and written to a byte array in place. Static
 * methods over primitives: nothing is allocated per packet.
 */
public final class RtpPacket {

    public static final int HEADER_BYTES = 12;
    static final int VERSION = 2;

    private RtpPacket() {
    }

    /** Writes a 12-byte header (no padding, extension or CSRC) and returns its length. */
    public static int writeHeader(byte[] out, boolean marker, int payloadType, int sequence, long timestamp, long ssrc) {
        out[0] = (byte) (VERSION << 6);
        out[1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F));
        out[2] = (byte) (sequence >>> 8);
        out[3] = (byte) sequence;
        putInt(out, 4, timestamp);
        putInt(out, 8, ssrc);
        return HEADER_BYTES;
    }

    /**
     * Where the payload starts in a received packet, or -1 when it is not a valid RTP packet
     * (RFC 3550 appendix A.1 checks: version 2, room for the CSRC list and extension, padding).
     */
    public static int payloadOffset(byte[] packet, int length) {
        if (length < HEADER_BYTES || (packet[0] & 0xC0) >>> 6 != VERSION) return -1;
        int offset = HEADER_BYTES + 4 * (packet[0] & 0x0F);
        if ((packet[0] & 0x10) != 0) {
            if (offset + 4 > length) return -1;
            offset += 4 + 4 * (((packet[offset + 2] & 0xFF) << 8) | (packet[offset + 3] & 0xFF));
        }
        return offset <= length - padding(packet, length) ? offset : -1;
    }

    /** Bytes of payload in a packet whose payload starts at {@code offset}. */
    public static int payloadLength(byte[] packet, int length, int offset) {
        return length - padding(packet, length) - offset;
    }

    private static int padding(byte[] packet, int length) {
        return (packet[0] & 0x20) != 0 ? packet[length - 1] & 0xFF : 0;
    }

    public static boolean marker(byte[] packet) {
        return (packet[1] & 0x80) != 0;
    }

    public static int payloadType(byte[] packet) {
        return packet[1] & 0x7F;
    }

    public static int sequence(byte[] packet) {
        return ((packet[2] & 0xFF) << 8) | (packet[3] & 0xFF);
    }

    public static long timestamp(byte[] packet) {
        return getInt(packet, 4);
    }

    public static long ssrc(byte[] packet) {
        return getInt(packet, 8);
    }

    static void putInt(byte[] out, int at, long value) {
        out[at] = (byte) (value >>> 24);
        out[at + 1] = (byte) (value >>> 16);
        out[at + 2] = (byte) (value >>> 8);
        out[at + 3] = (byte) value;
    }

    static long getInt(byte[] in, int at) {
        return ((long) (in[at] & 0xFF) << 24) | ((in[at + 1] & 0xFF) << 16) | ((in[at + 2] & 0xFF) << 8)
                | (in[at + 3] & 0xFF);
    }

    static void putShort(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 8);
        out[at + 1] = (byte) value;
    }

    static int getShort(byte[] in, int at) {
        return ((in[at] & 0xFF) << 8) | (in[at + 1] & 0xFF);
    }
}
