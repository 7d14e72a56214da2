package sipdesk.hw;

/** BCM GPIO numbers of the 40-pin header (kept apart from PinMap so wiring records can check without a class-init cycle). */
final class Bcm {
    private Bcm() {}

    static void check(int bcm, String what) {
        if (bcm < 0 || bcm > 27) {
            throw new IllegalArgumentException(what + ": BCM GPIO must be 0..27 (the 40-pin header), got " + bcm);
        }
    }
}
