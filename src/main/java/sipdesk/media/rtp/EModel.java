package sipdesk.media.rtp;

/**
 * ITU-T G.107 E-model reduced to what a phone measures: default values for everything but delay
 * and packet loss. R = 93.2 - Id - Ie,eff; MOS from R by G.107 annex B. Codec impairments from
 * G.113 appendix I: G.711 with concealment Ie = 0, Bpl = 25.1. G.722 is scored with the same
 * narrowband figures (the wideband E-model, G.107.1, has a different scale), so it is conservative.
 */
public final class EModel {

    private static final double R0 = 93.2;

    private EModel() {
    }

    /**
     * @param oneWayDelayMs mouth-to-ear delay: half the RTT plus jitter buffer and packetisation
     * @param lossPercent random packet loss, 0..100
     */
    public static double mos(double oneWayDelayMs, double lossPercent) {
        double d = Math.max(0, oneWayDelayMs);
        double id = 0.024 * d + (d > 177.3 ? 0.11 * (d - 177.3) : 0);
        double ppl = Math.max(0, Math.min(100, lossPercent));
        double ie = 0;
        double bpl = 25.1;
        double ieEff = ie + (95 - ie) * ppl / (ppl + bpl);
        return mosOf(R0 - id - ieEff);
    }

    static double mosOf(double r) {
        if (r <= 0) return 1;
        if (r >= 100) return 4.5;
        return 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r);
    }
}
