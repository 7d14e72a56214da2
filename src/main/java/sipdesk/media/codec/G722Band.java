package sipdesk.media.codec;

/**
 * The adaptive part of one G.722 sub-band (ITU-T G.722 section 3.6 onwards, blocks LOGSCL/LOGSCH,
 * SCALEL/SCALEH, RECONS, PARREC, UPPOL1, UPPOL2, UPZERO, DELAYA, FILTEP, FILTEZ, PREDIC). Encoder
 * and decoder run the same blocks on the same quantised difference, which keeps them in step.
 * All arithmetic is the standard's 16-bit fixed point: shifts are arithmetic, sums saturate.
 */
final class G722Band {

    /** Inverse-log table of SCALEL/SCALEH: 2048 * 2^(i/32), rounded as in the standard. */
    private static final int[] ILB = {
        2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
        2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008,
    };

    private final int maxLogScale;
    private final int scaleShift;

    /** Predictor output s (SL or SH) and its zero-section part sz. */
    int prediction;
    private int zeroPart;
    /** Quantiser scale factor DETL/DETH and its logarithm NBL/NBH. */
    int scale;
    private int logScale;
    private final int[] reconstructed = new int[3];
    private final int[] poleCoefficient = new int[3];
    private final int[] partialSignal = new int[3];
    private final int[] difference = new int[7];
    private final int[] zeroCoefficient = new int[7];

    private G722Band(int maxLogScale, int scaleShift) {
        this.maxLogScale = maxLogScale;
        this.scaleShift = scaleShift;
        reset();
    }

    static G722Band lower() {
        return new G722Band(18432, 8);
    }

    static G722Band higher() {
        return new G722Band(22528, 10);
    }

    void reset() {
        prediction = 0;
        zeroPart = 0;
        logScale = 0;
        scale = scaleShift == 8 ? 32 : 8;
        java.util.Arrays.fill(reconstructed, 0);
        java.util.Arrays.fill(poleCoefficient, 0);
        java.util.Arrays.fill(partialSignal, 0);
        java.util.Arrays.fill(difference, 0);
        java.util.Arrays.fill(zeroCoefficient, 0);
    }

    /** LOGSCL/LOGSCH then SCALEL/SCALEH: leak the log scale, add the code's step, back to linear. */
    void adaptScale(int logStep) {
        logScale = Math.max(0, Math.min(maxLogScale, ((logScale * 127) >> 7) + logStep));
        int mantissa = ILB[(logScale >> 6) & 31];
        int shift = scaleShift - (logScale >> 11);
        int linear = shift < 0 ? mantissa << -shift : mantissa >> shift;
        scale = linear << 2;
    }

    /** Runs the predictor on the quantised difference {@code d} and leaves the next prediction. */
    void adaptPredictor(int d) {
        difference[0] = d;
        reconstructed[0] = saturate(prediction + d);
        partialSignal[0] = saturate(zeroPart + d);
        int newPole2 = updatedPole2();
        int newPole1 = updatedPole1(newPole2);
        updateZeros(d);
        // DELAYA
        for (int i = 6; i > 0; i--) {
            difference[i] = difference[i - 1];
        }
        reconstructed[2] = reconstructed[1];
        reconstructed[1] = reconstructed[0];
        partialSignal[2] = partialSignal[1];
        partialSignal[1] = partialSignal[0];
        poleCoefficient[2] = newPole2;
        poleCoefficient[1] = newPole1;
        predict();
    }

    /** UPPOL2: a2 leaks by 127/128 and follows the sign agreement of p(n) with p(n-1) and p(n-2). */
    private int updatedPole2() {
        boolean sign0 = partialSignal[0] < 0;
        int wd1 = saturate(poleCoefficient[1] << 2);
        int wd2 = sign0 == (partialSignal[1] < 0) ? -wd1 : wd1;
        wd2 = Math.min(wd2, 32767);
        int wd3 = (wd2 >> 7) + (sign0 == (partialSignal[2] < 0) ? 128 : -128);
        wd3 += (poleCoefficient[2] * 32512) >> 15;
        return Math.max(-12288, Math.min(12288, wd3));
    }

    /** UPPOL1: a1 leaks by 255/256, steps by 192, and stays inside the stability limit 15360 - |a2|. */
    private int updatedPole1(int newPole2) {
        int step = (partialSignal[0] < 0) == (partialSignal[1] < 0) ? 192 : -192;
        int a1 = saturate(step + ((poleCoefficient[1] * 32640) >> 15));
        int limit = saturate(15360 - newPole2);
        return Math.max(-limit, Math.min(limit, a1));
    }

    /** UPZERO: each b(i) leaks by 255/256 and steps by 128 towards sign agreement of d(n) and d(n-i). */
    private void updateZeros(int d) {
        int step = d == 0 ? 0 : 128;
        boolean sign0 = d < 0;
        for (int i = 1; i < 7; i++) {
            int signed = (difference[i] < 0) == sign0 ? step : -step;
            zeroCoefficient[i] = saturate(signed + ((zeroCoefficient[i] * 32640) >> 15));
        }
    }

    /** FILTEP, FILTEZ and PREDIC. */
    private void predict() {
        int pole = ((poleCoefficient[1] * saturate(reconstructed[1] << 1)) >> 15)
                + ((poleCoefficient[2] * saturate(reconstructed[2] << 1)) >> 15);
        pole = saturate(pole);
        int zero = 0;
        for (int i = 6; i > 0; i--) {
            zero += (zeroCoefficient[i] * saturate(difference[i] << 1)) >> 15;
        }
        zeroPart = saturate(zero);
        prediction = saturate(pole + zeroPart);
    }

    static int saturate(int value) {
        return Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value));
    }
}
