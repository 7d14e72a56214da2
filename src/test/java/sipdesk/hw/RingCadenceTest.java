package sipdesk.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sipdesk.config.ToneConfig;

class RingCadenceTest {
    private static ToneConfig country(String name, Optional<String> ring) {
        return new ToneConfig(name, Optional.empty(), ring, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static List<Duration> ms(long... values) {
        return java.util.Arrays.stream(values).mapToObj(Duration::ofMillis).toList();
    }

    @Test
    void theBuzzerRingsWithTheCountrysRingCadence() {
        assertEquals(ms(2000, 4000), RingCadence.of(country("United States", Optional.empty())));
        assertEquals(ms(400, 200, 400, 2000), RingCadence.of(country("United Kingdom", Optional.empty())));
    }

    @Test
    void aCustomYealinkRingToneSetsIt() {
        assertEquals(ms(1000, 3000), RingCadence.of(country("Custom", Optional.of("425/1000,0/3000"))));
    }
}
