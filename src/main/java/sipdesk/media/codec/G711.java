package sipdesk.media.codec;

/**
 * ITU-T G.711 companding, both laws, by the standard's tables 1a and 2a. The standard's linear input
 * has 14 (mu-law) or 13 (A-law) bits: the 16-bit sample is rounded to that (not truncated, which would
 * add half a step of DC), then the segment and step whose decision interval holds it give the code.
 * This is what sox does; ffmpeg's encoder puts decision values midway between output values instead,
 * which picks the neighbouring code near segment edges.
 */
final class G711 {

    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];

    static {
        for (int code = 0; code < 256; code++) {
            ULAW_TO_LINEAR[code] = (short) ulawDecode(code);
            ALAW_TO_LINEAR[code] = (short) alawDecode(code);
        }
    }

    private G711() {
    }

    static short ulawToLinear(byte code) {
        return ULAW_TO_LINEAR[code & 0xFF];
    }

    static short alawToLinear(byte code) {
        return ALAW_TO_LINEAR[code & 0xFF];
    }

    /** G.711 table 2a: 8 segments of 16 steps, bias 33 (in 14-bit units), code bits inverted. */
    static byte linearToUlaw(int sample) {
        int magnitude = Math.min((sample + 2) >> 2, 8191);
        int invert;
        if (magnitude < 0) {
            magnitude = -magnitude;
            invert = 0x7F;
        } else {
            invert = 0xFF;
        }
        magnitude = Math.min(magnitude, 8159) + 33;
        int segment = (31 - Integer.numberOfLeadingZeros(magnitude)) - 5;
        if (segment > 7) {
            return (byte) (0x7F ^ invert);
        }
        int step = (magnitude >> (segment + 1)) & 0x0F;
        return (byte) (((segment << 4) | step) ^ invert);
    }

    /** G.711 table 1a: 13-bit magnitude, segments 0 and 1 share the step size, even bits inverted. */
    static byte linearToAlaw(int sample) {
        int magnitude = Math.min((sample + 4) >> 3, 4095);
        int invert;
        if (magnitude >= 0) {
            invert = 0xD5;
        } else {
            invert = 0x55;
            magnitude = -magnitude - 1;
        }
        if (magnitude >= 0x1000) {
            return (byte) (0x7F ^ invert);
        }
        int segment = magnitude < 32 ? 0 : (31 - Integer.numberOfLeadingZeros(magnitude)) - 4;
        int step = segment < 2 ? (magnitude >> 1) & 0x0F : (magnitude >> segment) & 0x0F;
        return (byte) (((segment << 4) | step) ^ invert);
    }

    private static int ulawDecode(int code) {
        int u = ~code & 0xFF;
        int magnitude = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
        return (u & 0x80) != 0 ? 0x84 - magnitude : magnitude - 0x84;
    }

    private static int alawDecode(int code) {
        int a = code ^ 0x55;
        int segment = (a & 0x70) >> 4;
        int magnitude = (a & 0x0F) << 4;
        magnitude += segment == 0 ? 8 : 0x108;
        if (segment > 1) {
            magnitude <<= segment - 1;
        }
        return (a & 0x80) != 0 ? magnitude : -magnitude;
    }
}
