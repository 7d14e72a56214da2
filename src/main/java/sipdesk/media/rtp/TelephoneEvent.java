package sipdesk.media.rtp;

/** RFC 4733 section 2.3: the payload of a telephone-event packet, and DTMF digits as event codes. */
public final class TelephoneEvent {

    public static final int PAYLOAD_BYTES = 4;
    /** Volume of the tone we describe: -10 dBm0 (section 2.3.4, a typical DTMF level). */
    static final int VOLUME = 10;

    private TelephoneEvent() {
    }

    /** Section 3.2: 0-9, *, #, A-D; -1 for anything else. */
    public static int code(char digit) {
        return switch (Character.toUpperCase(digit)) {
            case '*' -> 10;
            case '#' -> 11;
            case 'A', 'B', 'C', 'D' -> 12 + (Character.toUpperCase(digit) - 'A');
            default -> digit >= '0' && digit <= '9' ? digit - '0' : -1;
        };
    }

    /** The digit for an event code, or 0 for codes that are not DTMF (e.g. 16, flash). */
    public static char digit(int code) {
        if (code >= 0 && code <= 9) return (char) ('0' + code);
        return switch (code) {
            case 10 -> '*';
            case 11 -> '#';
            case 12, 13, 14, 15 -> (char) ('A' + code - 12);
            default -> 0;
        };
    }

    static int write(byte[] out, int at, int code, boolean end, int durationTicks) {
        out[at] = (byte) code;
        out[at + 1] = (byte) ((end ? 0x80 : 0) | VOLUME);
        RtpPacket.putShort(out, at + 2, Math.min(durationTicks, 0xFFFF));
        return PAYLOAD_BYTES;
    }

    static int code(byte[] payload, int at) {
        return payload[at] & 0xFF;
    }

    static boolean end(byte[] payload, int at) {
        return (payload[at + 1] & 0x80) != 0;
    }
}
