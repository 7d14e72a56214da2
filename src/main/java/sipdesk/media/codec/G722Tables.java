package sipdesk.media.codec;

/** The constants of ITU-T G.722 (tables 6 to 19 and the QMF coefficients of table 13), 64 kbit/s mode. */
final class G722Tables {

    private G722Tables() {
    }

    /**
     * QMF coefficients h0..h23 (symmetric), shared by the transmit and receive filters; G722Qmf has
     * them unrolled, and its test checks it against this table.
     */
    static final int[] QMF = {
        3, -11, -11, 53, 12, -156, 32, 362, -210, -805, 951, 3876,
        3876, 951, -805, -210, 362, 32, -156, 12, 53, -11, -11, 3,
    };

    /** Lower sub-band quantiser decision levels Q6 (index 1..29), in units of DETL / 4096. */
    static final int[] Q6 = {
        0, 35, 72, 110, 150, 190, 233, 276, 323, 370, 422, 473, 530, 587, 650, 714, 786, 858, 940,
        1023, 1121, 1219, 1339, 1458, 1612, 1765, 1980, 2195, 2557, 2919,
    };

    /** Lower sub-band code for quantiser interval 1..30 of a negative / positive difference. */
    static final int[] ILN = {
        0, 63, 62, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11,
        10, 9, 8, 7, 6, 5, 4,
    };
    static final int[] ILP = {
        0, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42, 41, 40, 39,
        38, 37, 36, 35, 34, 33, 32,
    };

    /** Inverse quantiser of the 6-bit lower code (output reconstruction), in units of DETL / 32768. */
    static final int[] QM6 = {
        -136, -136, -136, -136, -24808, -21904, -19008, -16704, -14984, -13512, -12280, -11192,
        -10232, -9360, -8576, -7856, -7192, -6576, -6000, -5456, -4944, -4464, -4008, -3576, -3168,
        -2776, -2400, -2032, -1688, -1360, -1040, -728, 24808, 21904, 19008, 16704, 14984, 13512,
        12280, 11192, 10232, 9360, 8576, 7856, 7192, 6576, 6000, 5456, 4944, 4464, 4008, 3576, 3168,
        2776, 2400, 2032, 1688, 1360, 1040, 728, 432, 136, -432, -136,
    };

    /** Inverse quantiser of the 4-bit truncated lower code, which drives the adaptation. */
    static final int[] QM4 = {
        0, -20456, -12896, -8968, -6288, -4240, -2584, -1200,
        20456, 12896, 8968, 6288, 4240, 2584, 1200, 0,
    };

    /** LOGSCL log scale factor multiplier for the 4-bit truncated lower code (WL through RIL). */
    static final int[] LOWER_LOG_STEP = {
        -60, 3042, 1198, 538, 334, 172, 58, -30, 3042, 1198, 538, 334, 172, 58, -30, -60,
    };

    /** Higher sub-band inverse quantiser QM2 and LOGSCH multiplier (WH through RH2), by 2-bit code. */
    static final int[] QM2 = {-7408, -1616, 7408, 1616};
    static final int[] HIGHER_LOG_STEP = {798, -214, 798, -214};

    /** Higher sub-band quantiser decision level, in units of DETH / 4096. */
    static final int HIGHER_DECISION_LEVEL = 564;

    /** Higher sub-band code for a negative / positive difference, by magnitude class 1 or 2. */
    static final int[] IHN = {0, 1, 0};
    static final int[] IHP = {0, 3, 2};
}
