package sipdesk.media.tone;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import sipdesk.core.Tone;

/** A country's call-progress tones: one pattern for every {@link Tone} the core asks for. */
public final class TonePlan {

    /**
     * Yealink's per-tone keys ({@code voice.tone.*}, YEALINK.md section 2) and the tone each one
     * overrides. {@code stutter} is the stuttered dial tone Yealink plays for message waiting. Yealink
     * has no hold-reminder key, so that tone always comes from the country.
     */
    public static final Map<String, Tone> YEALINK_KEYS = Map.of(
            "voice.tone.dial", Tone.DIAL,
            "voice.tone.stutter", Tone.STUTTER_DIAL,
            "voice.tone.ring", Tone.RINGBACK,
            "voice.tone.busy", Tone.BUSY,
            "voice.tone.congestion", Tone.CONGESTION,
            "voice.tone.callwaiting", Tone.CALL_WAITING);

    private final String name;
    private final Map<Tone, TonePattern> patterns;

    public TonePlan(String name, Map<Tone, TonePattern> patterns) {
        EnumMap<Tone, TonePattern> copy = new EnumMap<>(Tone.class);
        copy.putAll(patterns);
        for (Tone tone : Tone.values()) {
            if (!copy.containsKey(tone)) {
                throw new IllegalArgumentException(name + ": no pattern for " + tone);
            }
        }
        this.name = name;
        this.patterns = copy;
    }

    public String name() {
        return name;
    }

    public TonePattern pattern(Tone tone) {
        return patterns.get(tone);
    }

    /** This plan with one tone replaced. */
    public TonePlan with(Tone tone, TonePattern pattern) {
        EnumMap<Tone, TonePattern> copy = new EnumMap<>(patterns);
        copy.put(tone, pattern);
        return new TonePlan("Custom", copy);
    }

    /** The plan after Yealink overrides, and a warning for each one that could not be used. */
    public record Customised(TonePlan plan, List<String> warnings) {
        public Customised {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Applies Yealink {@code voice.tone.*} settings over this plan. A blank value keeps the country's
     * tone (Yealink: blank means "use the country's"); an unusable value is a warning and also keeps
     * it (STYLE.md rule 7). Keys this phone does not play ({@code info}, {@code autoanswer}, ...)
     * and unrelated keys are ignored.
     */
    public Customised withYealinkOverrides(Map<String, String> settings) {
        TonePlan plan = this;
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, Tone> key : YEALINK_KEYS.entrySet()) {
            String value = settings.get(key.getKey());
            if (value == null || value.isBlank()) {
                continue;
            }
            switch (TonePattern.parse(value)) {
                case ParsedTone.Valid valid -> plan = plan.with(key.getValue(), valid.pattern());
                case ParsedTone.Invalid invalid -> warnings.add(key.getKey() + ": " + invalid.message()
                        + "; keeping the " + name + " tone");
            }
        }
        warnings.sort(null);
        return new Customised(plan, warnings);
    }

    @Override
    public String toString() {
        return "TonePlan[" + name + " " + patterns + "]";
    }
}
