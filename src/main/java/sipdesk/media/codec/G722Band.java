package sipdesk.media.codec;

import static sipdesk.media.codec.G722Tables.*;

import java.util.Arrays;

/**
 * One G.722 sub-band's ADPCM (ITU-T G.722 section 3.4 onwards): the quantiser QUANTL/QUANTH, the
 * inverse quantisers, and the adaptive part, blocks LOGSCL/LOGSCH, SCALEL/SCALEH, RECONS, PARREC,
 * UPPOL1, UPPOL2, UPZERO, DELAYA, FILTEP, FILTEZ, PREDIC. Encoder and decoder run the same blocks on
 * the same quantised difference, which keeps them in step. All arithmetic is the standard's 16-bit
 * fixed point: shifts are arithmetic, sums saturate.
 *
 * <p>Written for the C1 compiler the phone runs with, which inlines only tiny methods: a block of
 * samples goes through one loop that holds the whole state in locals (stored back at the end) and
 * calls nothing but tiny static methods; the delay lines are locals too, so nothing is shifted in
 * arrays. Inside the loop, control flow is kept to limits, which rarely act and cost C1 a jump over
 * a move or two; paths of any length that meet again, or a loop within the loop, would make it move
 * its many spilled locals about. So the sign tests, which follow the signal and would be
 * mispredicted, are arithmetic, and the quantiser divides rather than compares level by level.
 * Limits are conditions rather than Math.min and Math.max, which C2 always turns into conditional
 * moves: those lengthen the chain from one sample to the next, where a predicted branch does not.
 */
final class G722Band {

    /** Inverse-log table of SCALEL/SCALEH: 2048 * 2^(i/32), rounded as in the standard. */
    private static final int[] ILB = {
        2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
        2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008,
    };

    static final int LOWER_MAX_LOG_SCALE = 18432;
    static final int LOWER_SCALE_SHIFT = 8;
    static final int HIGHER_MAX_LOG_SCALE = 22528;
    static final int HIGHER_SCALE_SHIFT = 10;

    /**
     * QUANTL/QUANTH as a look-up: the code by {@link #levelQuotient}, capped at the largest decision
     * level, 2q for a positive difference and 2q + 1 for a negative one.
     */
    private static final byte[] LOWER_CODE_BY_QUOTIENT =
            codeByQuotient(Arrays.copyOfRange(Q6, 1, Q6.length), ILP, ILN);
    private static final byte[] HIGHER_CODE_BY_QUOTIENT =
            codeByQuotient(new int[] {HIGHER_DECISION_LEVEL}, IHP, IHN);
    /** The lower band's adaptation sees only the top 4 bits of its 6-bit code. */
    private static final int[] LOWER_DIFFERENCE_BY_CODE = byTruncatedCode(QM4);
    private static final int[] LOWER_LOG_STEP_BY_CODE = byTruncatedCode(LOWER_LOG_STEP);

    private final int maxLogScale;
    private final int scaleShift;
    /** Where this band's code sits in a G.722 byte: the low 6 bits or the high 2. */
    private final int codeShift;
    private final int codeMask;
    private final byte[] codeByQuotient;
    /** By code: the quantised difference (units of the scale factor / 32768) and the LOGSC step. */
    private final int[] differenceByCode;
    private final int[] logStepByCode;
    /** By code: the decoder's output difference (units of the scale factor / 32768). */
    private final int[] outputDifferenceByCode;

    /** Predictor output s (SL or SH) and its zero-section part sz. */
    private int prediction;
    private int zeroPart;
    /** Quantiser scale factor DETL/DETH and its logarithm NBL/NBH. */
    private int scale;
    private int logScale;
    /** Pole section: a1, a2 and r(n-1), r(n-2), the latter held as FILTEP uses them (2r, saturated). */
    private int a1, a2;
    private int r1, r2;
    /** p(n-1), p(n-2) of PARREC: only their signs are used (UPPOL1, UPPOL2). */
    private int p1, p2;
    /**
     * Zero section: b1..b6 and d(n-1)..d(n-6), the latter held as FILTEZ uses them (2d, which keeps
     * the sign UPZERO needs).
     */
    private int b1, b2, b3, b4, b5, b6;
    private int d1, d2, d3, d4, d5, d6;

    private G722Band(int maxLogScale, int scaleShift, int codeShift, byte[] codeByQuotient,
            int[] differenceByCode, int[] logStepByCode, int[] outputDifferenceByCode) {
        this.maxLogScale = maxLogScale;
        this.scaleShift = scaleShift;
        this.codeShift = codeShift;
        this.codeMask = differenceByCode.length - 1;
        this.codeByQuotient = codeByQuotient;
        this.differenceByCode = differenceByCode;
        this.logStepByCode = logStepByCode;
        this.outputDifferenceByCode = outputDifferenceByCode;
        reset();
    }

    /** The lower sub-band: 6-bit codes. */
    static G722Band lower() {
        return new G722Band(LOWER_MAX_LOG_SCALE, LOWER_SCALE_SHIFT, 0, LOWER_CODE_BY_QUOTIENT,
                LOWER_DIFFERENCE_BY_CODE, LOWER_LOG_STEP_BY_CODE, QM6);
    }

    /** The higher sub-band: 2-bit codes. */
    static G722Band higher() {
        return new G722Band(HIGHER_MAX_LOG_SCALE, HIGHER_SCALE_SHIFT, 6, HIGHER_CODE_BY_QUOTIENT, QM2,
                HIGHER_LOG_STEP, QM2);
    }

    /**
     * {@code decisionLevels} rise, in units of the scale factor / 4096; the codes for a positive and
     * a negative difference are indexed by quantiser interval, 1 up, as in the standard's tables.
     */
    private static byte[] codeByQuotient(int[] decisionLevels, int[] positiveCodes, int[] negativeCodes) {
        int largest = decisionLevels[decisionLevels.length - 1];
        byte[] codes = new byte[2 * (largest + 1)];
        for (int quotient = 0; quotient <= largest; quotient++) {
            int interval = 1;
            for (int level : decisionLevels) {
                interval += level <= quotient ? 1 : 0;
            }
            codes[2 * quotient] = (byte) positiveCodes[interval];
            codes[2 * quotient + 1] = (byte) negativeCodes[interval];
        }
        return codes;
    }

    private static int[] byTruncatedCode(int[] table) {
        int[] byCode = new int[64];
        for (int code = 0; code < 64; code++) {
            byCode[code] = table[code >> 2];
        }
        return byCode;
    }

    void reset() {
        prediction = 0;
        zeroPart = 0;
        logScale = 0;
        scale = scaleOf(0, scaleShift);
        a1 = a2 = r1 = r2 = p1 = p2 = 0;
        b1 = b2 = b3 = b4 = b5 = b6 = 0;
        d1 = d2 = d3 = d4 = d5 = d6 = 0;
    }

    /**
     * Encodes {@code input[0..count)} (xL or xH) into this band's bits of
     * {@code codes[at..at + count)}, keeping the other band's bits.
     */
    void encode(int[] input, byte[] codes, int at, int count) {
        run(true, input, codes, at, count);
    }

    /** Decodes this band's bits of {@code codes[at..at + count)} into {@code output} (rL or rH). */
    void decode(byte[] codes, int at, int count, int[] output) {
        run(false, output, codes, at, count);
    }

    /** Encoding reads {@code signal} and writes {@code codes}; decoding the other way round. */
    private void run(boolean encoding, int[] signal, byte[] codes, int at, int count) {
        int otherBandBits = ~(codeMask << codeShift);
        int largestQuotient = codeByQuotient.length / 2 - 1;
        int s = prediction, sz = zeroPart, det = scale, nb = logScale;
        int a1 = this.a1, a2 = this.a2, r1 = this.r1, r2 = this.r2, p1 = this.p1, p2 = this.p2;
        int b1 = this.b1, b2 = this.b2, b3 = this.b3, b4 = this.b4, b5 = this.b5, b6 = this.b6;
        int d1 = this.d1, d2 = this.d2, d3 = this.d3, d4 = this.d4, d5 = this.d5, d6 = this.d6;

        for (int i = 0; i < count; i++) {
            int code;
            if (encoding) {
                // SUBTL/SUBTH, then QUANTL/QUANTH on |e|, which for a negative e is -e - 1.
                int e = saturate(signal[i] - s);
                int quotient = clamp(levelQuotient(e ^ (e >> 31), det), 0, largestQuotient);
                code = codeByQuotient[(quotient << 1) | (e >>> 31)];
                codes[at + i] = (byte) ((codes[at + i] & otherBandBits) | (code << codeShift));
            } else {
                code = (codes[at + i] >> codeShift) & codeMask;
                // The decoder's RECONS, limited to 15 bits.
                signal[i] = clip15(s + ((det * outputDifferenceByCode[code]) >> 15));
            }
            int d = (det * differenceByCode[code]) >> 15;

            // LOGSCL/LOGSCH then SCALEL/SCALEH: leak the log scale, add the code's step, to linear.
            nb = clamp(((nb * 127) >> 7) + logStepByCode[code], 0, maxLogScale);
            det = scaleOf(nb, scaleShift);

            // PARREC (RECONS is folded into DELAYA below).
            int p0 = saturate(sz + d);
            int p0DiffersFromP1 = (p0 ^ p1) >> 31;
            int p0DiffersFromP2 = (p0 ^ p2) >> 31;

            // UPPOL2: a2 leaks by 127/128 and follows the sign agreement of p(n) with p(n-1), p(n-2).
            int wd2 = saturate(negatedIf(saturate(a1 << 2), ~p0DiffersFromP1)); // for -(-32768)
            int wd3 = (wd2 >> 7) + negatedIf(128, p0DiffersFromP2) + ((a2 * 32512) >> 15);
            a2 = clamp(wd3, -12288, 12288);

            // UPPOL1: a1 leaks by 255/256, steps by 192, and stays inside the stability limit
            // 15360 - a2. As |a2| <= 12288, the limit is 3072..27648 and |a1| stays below it: no
            // sum here can leave 16 bits, so none needs saturating.
            int limit = 15360 - a2;
            a1 = clamp(negatedIf(192, p0DiffersFromP1) + ((a1 * 32640) >> 15), -limit, limit);

            // UPZERO: each b(i) leaks by 255/256 and steps by 128 (none when d(n) is 0) towards sign
            // agreement of d(n) and d(n-i). The leak maps -32768..32767 to -32640..32639, so the
            // step cannot leave 16 bits either: the standard's saturation never acts and is left out.
            int step = ((d | -d) >>> 31) << 7;
            b1 = negatedIf(step, (d1 ^ d) >> 31) + ((b1 * 32640) >> 15);
            b2 = negatedIf(step, (d2 ^ d) >> 31) + ((b2 * 32640) >> 15);
            b3 = negatedIf(step, (d3 ^ d) >> 31) + ((b3 * 32640) >> 15);
            b4 = negatedIf(step, (d4 ^ d) >> 31) + ((b4 * 32640) >> 15);
            b5 = negatedIf(step, (d5 ^ d) >> 31) + ((b5 * 32640) >> 15);
            b6 = negatedIf(step, (d6 ^ d) >> 31) + ((b6 * 32640) >> 15);

            // DELAYA. 2d needs no saturating: DET <= 16384, so |d| <= 10228. Saturating r(n) = s + d
            // before doubling it changes nothing once the double is saturated.
            d6 = d5;
            d5 = d4;
            d4 = d3;
            d3 = d2;
            d2 = d1;
            d1 = d << 1;
            r2 = r1;
            r1 = saturate((s + d) << 1);
            p2 = p1;
            p1 = p0;

            // FILTEP, FILTEZ and PREDIC.
            int pole = saturate(((a1 * r1) >> 15) + ((a2 * r2) >> 15));
            sz = saturate(((b1 * d1) >> 15) + ((b2 * d2) >> 15) + ((b3 * d3) >> 15)
                    + ((b4 * d4) >> 15) + ((b5 * d5) >> 15) + ((b6 * d6) >> 15));
            s = saturate(pole + sz);
        }

        prediction = s;
        zeroPart = sz;
        scale = det;
        logScale = nb;
        this.a1 = a1;
        this.a2 = a2;
        this.r1 = r1;
        this.r2 = r2;
        this.p1 = p1;
        this.p2 = p2;
        this.b1 = b1;
        this.b2 = b2;
        this.b3 = b3;
        this.b4 = b4;
        this.b5 = b5;
        this.b6 = b6;
        this.d1 = d1;
        this.d2 = d2;
        this.d3 = d3;
        this.d4 = d4;
        this.d5 = d5;
        this.d6 = d6;
    }

    /**
     * SCALEL/SCALEH: the linear scale factor DETL/DETH of a log scale factor. The shift
     * {@code scaleShift - (logScale >> 11)} is -1 at the largest log scales, so the mantissa is
     * doubled first and shifted right by one more, which needs no branch.
     */
    static int scaleOf(int logScale, int scaleShift) {
        return ((ILB[(logScale >> 6) & 31] << 1) >> (scaleShift + 1 - (logScale >> 11))) << 2;
    }

    /**
     * |e| reaches a decision level L scaled by DET, {@code (L * DET) >> 12}, exactly when L is at most
     * this quotient: one division instead of a comparison per level (or a binary search, whose
     * steps would each wait for the last).
     */
    static int levelQuotient(int magnitude, int scale) {
        return (((magnitude + 1) << 12) - 1) / scale;
    }

    /** {@code -value} if {@code mask} is -1, {@code value} if it is 0. */
    static int negatedIf(int value, int mask) {
        return (value ^ mask) - mask;
    }

    /** RECONS output limit of the decoder: -16384..16383. */
    private static int clip15(int value) {
        return clamp(value, -16384, 16383);
    }

    /** Limits to 16 bits. */
    static int saturate(int value) {
        return (short) value == value ? value : (value >> 31) ^ Short.MAX_VALUE;
    }

    /** Written as conditions rather than with Math.min and Math.max: see the class comment. */
    private static int clamp(int value, int min, int max) {
        return value < min ? min : value > max ? max : value;
    }
}
