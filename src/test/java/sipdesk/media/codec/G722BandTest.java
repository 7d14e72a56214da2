package sipdesk.media.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The ranges behind the saturations G722Band leaves out (the ffmpeg tests cover the rest). */
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
}
