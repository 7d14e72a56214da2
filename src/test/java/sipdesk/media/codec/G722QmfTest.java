package sipdesk.media.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The unrolled QMF taps against table 13, across the delay line's wrap-around and a reset. */
class G722QmfTest {

    @Test
    void sumsMatchTheCoefficientTable() {
        G722Qmf qmf = new G722Qmf();
        int[] window = new int[24];
        Random random = new Random(13);
        for (int pair = 0; pair < 5000; pair++) {
            if (pair == 3000) {
                qmf.reset();
                java.util.Arrays.fill(window, 0);
            }
            int older = extreme(random);
            int newer = extreme(random);
            qmf.push(older, newer);
            System.arraycopy(window, 2, window, 0, 22);
            window[22] = older;
            window[23] = newer;
            int even = 0;
            int odd = 0;
            for (int k = 0; k < 24; k += 2) {
                even += window[k] * G722Tables.QMF[k];
                odd += window[k + 1] * G722Tables.QMF[k + 1];
            }
            assertEquals(even, qmf.evenSum(), "even taps at pair " + pair);
            assertEquals(odd, qmf.oddSum(), "odd taps at pair " + pair);
        }
    }

    /** Mostly ordinary samples, some at the limits of the decoder's rl +- rh (-32768..32766). */
    private static int extreme(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> -32768;
            case 1 -> 32766;
            default -> random.nextInt(65535) - 32768;
        };
    }
}
