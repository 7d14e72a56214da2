package sipdesk.media.codec;

/**
 * The adaptive part of one G.722 sub-band (ITU-T G.722 section 3.6 onwards, blocks LOGSCL/LOGSCH,
 * SCALEL/SCALEH, RECONS, PARREC, UPPOL1, UPPOL2, UPZERO, DELAYA, FILTEP, FILTEZ, PREDIC). Encoder
 * and decoder run the same blocks on the same quantised difference, which keeps them in step.
 * All arithmetic is the standard's 16-bit fixed point: shifts are arithmetic, sums saturate.
 *
 * <p>The delay lines are plain fields rather than arrays: they are short (2 and 6 taps) and run
 * once per sample, so straight-line code without array shifting or bounds checks pays.
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

    private final int maxLogScale;
    private final int scaleShift;

    /** Predictor output s (SL or SH) and its zero-section part sz. */
    int prediction;
    private int zeroPart;
    /** Quantiser scale factor DETL/DETH and its logarithm NBL/NBH. */
    int scale;
    private int logScale;
    /** Pole section: a1, a2 and r(n-1), r(n-2), the latter held as FILTEP uses them (2r, saturated). */
    private int a1, a2;
    private int r1, r2;
    /** p(n-1), p(n-2) of PARREC: only their signs are used (UPPOL1, UPPOL2). */
    private int p1, p2;
    /**
     * Zero section: b1..b6 and d(n-1)..d(n-6), the latter held as FILTEZ uses them (2d, saturated,
     * which keeps the sign UPZERO needs).
     */
    private int b1, b2, b3, b4, b5, b6;
    private int d1, d2, d3, d4, d5, d6;

    private G722Band(int maxLogScale, int scaleShift) {
        this.maxLogScale = maxLogScale;
        this.scaleShift = scaleShift;
        reset();
    }

    static G722Band lower() {
        return new G722Band(LOWER_MAX_LOG_SCALE, LOWER_SCALE_SHIFT);
    }

    static G722Band higher() {
        return new G722Band(HIGHER_MAX_LOG_SCALE, HIGHER_SCALE_SHIFT);
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

    /** LOGSCL/LOGSCH then SCALEL/SCALEH: leak the log scale, add the code's step, back to linear. */
    void adaptScale(int logStep) {
        logScale = Math.max(0, Math.min(maxLogScale, ((logScale * 127) >> 7) + logStep));
        scale = scaleOf(logScale, scaleShift);
    }

    /** SCALEL/SCALEH: the linear scale factor DETL/DETH of a log scale factor. */
    static int scaleOf(int logScale, int scaleShift) {
        int mantissa = ILB[(logScale >> 6) & 31];
        int shift = scaleShift - (logScale >> 11);
        int linear = shift < 0 ? mantissa << -shift : mantissa >> shift;
        return linear << 2;
    }

    /** Runs the predictor on the quantised difference {@code d} and leaves the next prediction. */
    void adaptPredictor(int d) {
        int r0 = saturate(prediction + d);
        int p0 = saturate(zeroPart + d);
        int newA2 = updatedPole2(p0);
        a1 = updatedPole1(p0, newA2);
        a2 = newA2;
        updateZeros(d);
        // DELAYA
        d6 = d5;
        d5 = d4;
        d4 = d3;
        d3 = d2;
        d2 = d1;
        d1 = saturate(d << 1);
        r2 = r1;
        r1 = saturate(r0 << 1);
        p2 = p1;
        p1 = p0;
        predict();
    }

    /** UPPOL2: a2 leaks by 127/128 and follows the sign agreement of p(n) with p(n-1) and p(n-2). */
    private int updatedPole2(int p0) {
        int wd1 = saturate(a1 << 2);
        int wd2 = (p0 ^ p1) >= 0 ? -wd1 : wd1;
        wd2 = Math.min(wd2, 32767);
        int wd3 = (wd2 >> 7) + ((p0 ^ p2) >= 0 ? 128 : -128);
        wd3 += (a2 * 32512) >> 15;
        return Math.max(-12288, Math.min(12288, wd3));
    }

    /**
     * UPPOL1: a1 leaks by 255/256, steps by 192, and stays inside the stability limit 15360 - a2.
     * As |a2| <= 12288, the limit is 3072..27648 and |a1| stays below it: no sum here can leave
     * 16 bits, so none needs saturating.
     */
    private int updatedPole1(int p0, int newA2) {
        int step = (p0 ^ p1) >= 0 ? 192 : -192;
        int a = step + ((a1 * 32640) >> 15);
        int limit = 15360 - newA2;
        return Math.max(-limit, Math.min(limit, a));
    }

    /**
     * UPZERO: each b(i) leaks by 255/256 and steps by 128 towards sign agreement of d(n) and d(n-i).
     * The leak maps -32768..32767 to -32640..32639, so the step cannot leave 16 bits either: the
     * standard's saturation never acts and is left out.
     */
    private void updateZeros(int d) {
        int step = d == 0 ? 0 : 128;
        b1 = updatedZero(b1, d1, d, step);
        b2 = updatedZero(b2, d2, d, step);
        b3 = updatedZero(b3, d3, d, step);
        b4 = updatedZero(b4, d4, d, step);
        b5 = updatedZero(b5, d5, d, step);
        b6 = updatedZero(b6, d6, d, step);
    }

    private static int updatedZero(int b, int older, int d, int step) {
        return ((older ^ d) >= 0 ? step : -step) + ((b * 32640) >> 15);
    }

    /** FILTEP, FILTEZ and PREDIC. */
    private void predict() {
        int pole = saturate(((a1 * r1) >> 15) + ((a2 * r2) >> 15));
        int zero = ((b1 * d1) >> 15) + ((b2 * d2) >> 15) + ((b3 * d3) >> 15)
                + ((b4 * d4) >> 15) + ((b5 * d5) >> 15) + ((b6 * d6) >> 15);
        zeroPart = saturate(zero);
        prediction = saturate(pole + zeroPart);
    }

    /** Limits to 16 bits; the test is a branch because values rarely need limiting. */
    static int saturate(int value) {
        return (short) value == value ? value : (value >> 31) ^ Short.MAX_VALUE;
    }
}
