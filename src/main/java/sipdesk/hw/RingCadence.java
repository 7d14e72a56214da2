package sipdesk.hw;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sipdesk.config.ToneConfig;
import sipdesk.core.Tone;
import sipdesk.media.tone.TonePlans;
import sipdesk.media.tone.ToneSegment;

/**
 * A buzzer or bell relay rings with the country's ring cadence (the ringback of
 * {@code voice.tone.country}, or a custom {@code voice.tone.ring}): the tone's sounding parts are
 * "on", its silences "off".
 */
final class RingCadence {
    private RingCadence() {}

    static List<Duration> of(ToneConfig tones) {
        var settings = new java.util.HashMap<String, String>(Map.of("voice.tone.country", tones.country()));
        tones.custom(Tone.RINGBACK).ifPresent(ring -> settings.put("voice.tone.ring", ring));
        List<ToneSegment> segments = TonePlans.fromYealinkSettings(settings).plan().pattern(Tone.RINGBACK).segments();
        List<Duration> cadence = new ArrayList<>(); // on, off, on, off ...
        for (ToneSegment seg : segments) {
            if (seg.durationMs() <= 0) break; // "until stopped": what came before repeats
            boolean sounding = seg.frequenciesHz().stream().anyMatch(f -> f > 0);
            if (cadence.isEmpty() && !sounding) continue;
            boolean lastWasOn = cadence.size() % 2 == 1;
            Duration d = Duration.ofMillis(seg.durationMs());
            if (!cadence.isEmpty() && lastWasOn == sounding) {
                cadence.set(cadence.size() - 1, cadence.get(cadence.size() - 1).plus(d));
            } else {
                cadence.add(d);
            }
        }
        return cadence.isEmpty() ? List.of(Duration.ofSeconds(2), Duration.ofSeconds(4)) : List.copyOf(cadence);
    }
}
