package sipdesk.media.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The ranges behind the saturations G722Band leaves out, and its branch-free forms against the
 * standard's (the ffmpeg tests cover the rest).
 */
class G722BandTest {

    @Test
    void saturateLimitsToSixteenBits() {
        for (int value = -(1 << 20); value <= 1 << 20; value++) {
            assertEquals(Math.max(-32768, Math.min(32767, value)), G722Band.saturate(value), "value " + value);
        }
        assertEquals(32767, G722Band.saturate(Integer.MAX_VALUE));
        assertEquals(-32768, G722Band.saturate(Integer.MIN_VALUE));
    }

    @Test
    void zeroCoefficientUpdateNeverSaturates() {
        for (int b = Short.MIN_VALUE; b <= Short.MAX_VALUE; b++) {
            for (int step : new int[] {-128, 0, 128}) {
                int updated = step + ((b * 32640) >> 15);
                assertEquals(G722Band.saturate(updated), updated, "b " + b + " step " + step);
            }
        }
    }

    @Test
    void firstPoleUpdateNeverSaturates() {
        // a2 is clamped to +-12288, so the limit 15360 - a2 is 3072..27648 and |a1| at most 27648.
        for (int a2 = -12288; a2 <= 12288; a2++) {
            int limit = 15360 - a2;
            assertEquals(G722Band.saturate(limit), limit);
        }
        for (int a1 = -27648; a1 <= 27648; a1++) {
            for (int step : new int[] {-192, 192}) {
                int updated = step + ((a1 * 32640) >> 15);
                assertEquals(G722Band.saturate(updated), updated, "a1 " + a1);
            }
        }
    }

    @Test
    void scaleFactorMatchesTheStandardsShiftAndStaysSmall() {
        for (int[] band : new int[][] {
                {G722Band.LOWER_MAX_LOG_SCALE, G722Band.LOWER_SCALE_SHIFT},
                {G722Band.HIGHER_MAX_LOG_SCALE, G722Band.HIGHER_SCALE_SHIFT}}) {
            for (int logScale = 0; logScale <= band[0]; logScale++) {
                int scale = G722Band.scaleOf(logScale, band[1]);
                assertEquals(standardScale(logScale, band[1]), scale, "log scale " + logScale);
                // So |d| <= 16384 * 20456 / 32768 and 2d needs no saturating.
                assertTrue(scale > 0 && scale <= 16384, "log scale " + logScale + " gives " + scale);
            }
        }
    }

    /** SCALEL/SCALEH as written in the standard: shift right, or left when the shift is negative. */
    private static int standardScale(int logScale, int scaleShift) {
        int[] ilb = {
            2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
            2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008,
        };
        int mantissa = ilb[(logScale >> 6) & 31];
        int shift = scaleShift - (logScale >> 11);
        return (shift < 0 ? mantissa << -shift : mantissa >> shift) << 2;
    }

    @Test
    void levelQuotientFindsTheIntervalOfTheStandardsScan() {
        Set<Integer> scales = new TreeSet<>();
        for (int logScale = 0; logScale <= G722Band.LOWER_MAX_LOG_SCALE; logScale++) {
            scales.add(G722Band.scaleOf(logScale, G722Band.LOWER_SCALE_SHIFT));
        }
        for (int logScale = 0; logScale <= G722Band.HIGHER_MAX_LOG_SCALE; logScale++) {
            scales.add(G722Band.scaleOf(logScale, G722Band.HIGHER_SCALE_SHIFT));
        }
        int[] levels = G722Tables.Q6;
        for (int scale : scales) {
            for (int magnitude = 0; magnitude <= 32767; magnitude++) {
                // QUANTL's scan: the first interval whose upper level |e| does not reach, at most 30.
                int interval = 1;
                while (interval < 30 && magnitude >= (levels[interval] * scale) >> 12) {
                    interval++;
                }
                int quotient = G722Band.levelQuotient(magnitude, scale);
                int reached = 1;
                for (int i = 1; i < levels.length; i++) {
                    reached += levels[i] <= quotient ? 1 : 0;
                }
                assertEquals(interval, reached, "|e| " + magnitude + " scale " + scale);
                boolean higherReached = magnitude >= (G722Tables.HIGHER_DECISION_LEVEL * scale) >> 12;
                assertEquals(higherReached, G722Tables.HIGHER_DECISION_LEVEL <= quotient);
            }
        }
    }
}
