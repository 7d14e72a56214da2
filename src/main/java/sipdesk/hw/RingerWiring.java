package sipdesk.hw;

import java.time.Duration;
import java.util.List;

/**
 * A buzzer or bell relay on a GPIO output (through a transistor: a GPIO gives a few mA only).
 *
 * @param cadence on, off, on, off, ... repeated while ringing; one element means steady on
 */
public record RingerWiring(int bcm, boolean activeHigh, List<Duration> cadence) {
    /** GPIO18 (pin 12); the North American 2 s on, 4 s off cadence. */
    public static final RingerWiring DEFAULT =
            new RingerWiring(18, true, List.of(Duration.ofSeconds(2), Duration.ofSeconds(4)));

    public RingerWiring {
        Bcm.check(bcm, "ringer");
        cadence = List.copyOf(cadence);
        if (cadence.isEmpty()) throw new IllegalArgumentException("ringer: empty cadence");
        for (Duration d : cadence) {
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("ringer: cadence step must be > 0");
        }
    }
}
