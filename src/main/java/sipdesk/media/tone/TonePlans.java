package sipdesk.media.tone;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import sipdesk.core.Tone;

/**
 * Built-in country plans, from the national specifications as listed in ITU-T E.180 supplement 2
 * (frequencies in Hz, cadences in ms). Where a country publishes no hold reminder, a short beep of its
 * call-waiting frequency every 15 s is used, and stutter dial tone is the country's dial tone broken
 * 100/100 ms three times before it turns steady.
 */
public final class TonePlans {

    /** ANSI T1.401 "precise tone plan". */
    public static final TonePlan UNITED_STATES = plan("United States",
            "350+440",
            "!350+440/100,!0/100,!350+440/100,!0/100,!350+440/100,!0/100,350+440",
            "440+480/2000,0/4000",
            "480+620/500,0/500",
            "480+620/250,0/250",
            "440/300,0/9700",
            "440/200,0/14800");

    /** BT SIN 350: dial 350+440; ringing 400+450 double ring; busy 400 375/375. */
    public static final TonePlan UNITED_KINGDOM = plan("United Kingdom",
            "350+440",
            "!350+440/100,!0/100,!350+440/100,!0/100,!350+440/100,!0/100,350+440",
            "400+450/400,0/200,400+450/400,0/2000",
            "400/375,0/375",
            "400/400,0/350,400/225,0/525",
            "400/100,0/4000",
            "400/200,0/14800");

    /** Deutsche Telekom 1TR110: everything on 425 Hz. */
    public static final TonePlan GERMANY = plan("Germany",
            "425",
            "!425/100,!0/100,!425/100,!0/100,!425/100,!0/100,425",
            "425/1000,0/4000",
            "425/480,0/480",
            "425/240,0/240",
            "425/200,0/200,425/200,0/5000",
            "425/200,0/14800");

    /** France Telecom: everything on 440 Hz. */
    public static final TonePlan FRANCE = plan("France",
            "440",
            "!440/100,!0/100,!440/100,!0/100,!440/100,!0/100,440",
            "440/1500,0/3500",
            "440/500,0/500",
            "440/250,0/250",
            "440/300,0/10000",
            "440/200,0/14800");

    /** ACIF S002: 425 Hz modulated by 25 Hz, i.e. 413+438, for dial and ring tones. */
    public static final TonePlan AUSTRALIA = plan("Australia",
            "413+438",
            "!413+438/100,!0/40,!413+438/100,!0/40,!413+438/100,!0/40,413+438",
            "413+438/400,0/200,413+438/400,0/2000",
            "425/375,0/375",
            "425/375,0/375,420/375,0/375",
            "425/100,0/200,425/200,0/4400",
            "425/200,0/14800");

    public static final List<TonePlan> ALL =
            List.of(UNITED_STATES, UNITED_KINGDOM, GERMANY, FRANCE, AUSTRALIA);

    private TonePlans() {
    }

    /**
     * The plan for a {@code voice.tone.country} value, by our name or Yealink's ("Great Britain").
     * Empty for countries we have no plan for (the caller warns and keeps its default).
     */
    public static Optional<TonePlan> forCountry(String country) {
        String wanted = country.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("great britain") || wanted.equals("uk")) {
            return Optional.of(UNITED_KINGDOM);
        }
        if (wanted.equals("usa") || wanted.equals("us")) {
            return Optional.of(UNITED_STATES);
        }
        for (TonePlan plan : ALL) {
            if (plan.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(plan);
            }
        }
        return Optional.empty();
    }

    /**
     * The plan a Yealink configuration asks for: {@code voice.tone.country}, then the
     * {@code voice.tone.*} overrides. "Custom", a blank or a missing country is the United States
     * plan (the tones Yealink firmware plays when nothing is customised); a country we have no plan
     * for is a warning and falls back to the same.
     */
    public static TonePlan.Customised fromYealinkSettings(Map<String, String> settings) {
        String country = settings.getOrDefault("voice.tone.country", "").strip();
        TonePlan base = UNITED_STATES;
        String warning = null;
        if (!country.isEmpty() && !country.equalsIgnoreCase("Custom")) {
            Optional<TonePlan> known = forCountry(country);
            if (known.isPresent()) {
                base = known.get();
            } else {
                warning = "voice.tone.country: no tone plan for '" + country + "' (have: "
                        + ALL.stream().map(TonePlan::name).toList() + "); using United States tones";
            }
        }
        TonePlan.Customised customised = base.withYealinkOverrides(settings);
        if (warning == null) {
            return customised;
        }
        List<String> warnings = new java.util.ArrayList<>();
        warnings.add(warning);
        warnings.addAll(customised.warnings());
        return new TonePlan.Customised(customised.plan(), warnings);
    }

    private static TonePlan plan(String name, String dial, String stutterDial, String ringback,
            String busy, String congestion, String callWaiting, String holdReminder) {
        Map<Tone, TonePattern> patterns = new EnumMap<>(Tone.class);
        patterns.put(Tone.DIAL, TonePattern.of(dial));
        patterns.put(Tone.STUTTER_DIAL, TonePattern.of(stutterDial));
        patterns.put(Tone.RINGBACK, TonePattern.of(ringback));
        patterns.put(Tone.BUSY, TonePattern.of(busy));
        patterns.put(Tone.CONGESTION, TonePattern.of(congestion));
        patterns.put(Tone.CALL_WAITING, TonePattern.of(callWaiting));
        patterns.put(Tone.HOLD_REMINDER, TonePattern.of(holdReminder));
        return new TonePlan(name, patterns);
    }
}
