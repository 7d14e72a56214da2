package sipdesk.media.tone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sipdesk.core.Tone;

class TonePatternTest {

    private static String error(String text) {
        return assertInstanceOf(ParsedTone.Invalid.class, TonePattern.parse(text)).message();
    }

    @Test
    void yealinkStringReadsIntoElements() {
        TonePattern pattern = TonePattern.of("!350+440/100,0/100,440+480/2000");
        assertEquals(List.of(
                new ToneSegment(List.of(350, 440), 100, true),
                new ToneSegment(List.of(), 100, false),
                new ToneSegment(List.of(440, 480), 2000, false)), pattern.segments());
        assertEquals("!350+440/100,0/100,440+480/2000", pattern.toString());
    }

    @Test
    void elementWithoutDurationIsContinuous() {
        ToneSegment only = TonePattern.of("350+440").segments().get(0);
        assertTrue(only.continuous());
    }

    @Test
    void spacesAroundElementsAreAccepted() {
        assertEquals("425/480,0/480", TonePattern.of(" 425 / 480 , 0/480 ").toString());
    }

    @Test
    void patternOfOnlyOnceElementsPlaysOnce() {
        assertTrue(TonePattern.of("!440/300,!0/200").playsOnce());
        assertFalse(TonePattern.of("!440/300,0/200").playsOnce());
    }

    @Test
    void moreThanEightElementsIsAnError() {
        assertTrue(error("1/1,1/1,1/1,1/1,1/1,1/1,1/1,1/1,1/1").contains("9 elements, at most 8"));
    }

    @Test
    void moreThanFourFrequenciesIsAnError() {
        assertTrue(error("1+2+3+4+5/100").contains("element 1 '1+2+3+4+5/100': at most 4 frequencies"));
    }

    @Test
    void frequencyOutOfRangeNamesTheElement() {
        assertEquals("'350/100,4500/100' element 2 '4500/100': frequency '4500' must be 0..4000 Hz",
                error("350/100,4500/100"));
    }

    @Test
    void garbageDurationIsAnError() {
        assertTrue(error("350/abc").contains("duration must be 0..30000 ms"));
        assertTrue(error("350/40000").contains("duration must be 0..30000 ms"));
    }

    @Test
    void emptyStringsAndElementsAreErrors() {
        assertTrue(error("").contains("empty tone"));
        assertTrue(error("350/100,,0/100").contains("element 2"));
        assertTrue(error("!").contains("expected [!]f1"));
        assertTrue(error("350+/100").contains("frequency ''"));
    }

    @Test
    void everyCountryHasEveryTone() {
        for (TonePlan plan : TonePlans.ALL) {
            for (Tone tone : Tone.values()) {
                assertTrue(plan.pattern(tone).segments().size() <= 8, plan.name() + " " + tone);
            }
        }
    }

    @Test
    void countriesAreFoundByYealinkName() {
        assertEquals(TonePlans.UNITED_KINGDOM, TonePlans.forCountry("Great Britain").orElseThrow());
        assertEquals(TonePlans.GERMANY, TonePlans.forCountry("germany").orElseThrow());
        assertTrue(TonePlans.forCountry("Atlantis").isEmpty());
    }

    @Test
    void yealinkSettingsOverrideSingleTonesAndWarnAboutBadOnes() {
        TonePlan.Customised customised = TonePlans.GERMANY.withYealinkOverrides(Map.of(
                "voice.tone.busy", "480+620/500,0/500",
                "voice.tone.ring", "400/99999",
                "voice.tone.dial", " "));
        TonePlan plan = customised.plan();
        assertEquals("480+620/500,0/500", plan.pattern(Tone.BUSY).toString());
        assertEquals(TonePlans.GERMANY.pattern(Tone.RINGBACK), plan.pattern(Tone.RINGBACK));
        assertEquals(TonePlans.GERMANY.pattern(Tone.DIAL), plan.pattern(Tone.DIAL));
        assertEquals(List.of("voice.tone.ring: '400/99999' element 1 '400/99999': duration must be 0..30000 ms;"
                + " keeping the Germany tone"), customised.warnings());
    }

    @Test
    void yealinkCountryAndOverridesMakeThePlan() {
        TonePlan.Customised customised = TonePlans.fromYealinkSettings(Map.of(
                "voice.tone.country", "France", "voice.tone.callwaiting", "!440/300"));
        assertEquals("France", TonePlans.FRANCE.name());
        assertEquals(TonePlans.FRANCE.pattern(Tone.DIAL), customised.plan().pattern(Tone.DIAL));
        assertEquals("!440/300", customised.plan().pattern(Tone.CALL_WAITING).toString());
        assertEquals(List.of(), customised.warnings());
    }

    @Test
    void unknownCountryIsAWarningAndUsTones() {
        TonePlan.Customised customised = TonePlans.fromYealinkSettings(Map.of("voice.tone.country", "Atlantis"));
        assertEquals(TonePlans.UNITED_STATES.pattern(Tone.BUSY), customised.plan().pattern(Tone.BUSY));
        assertEquals(1, customised.warnings().size());
        assertTrue(customised.warnings().get(0).startsWith("voice.tone.country: no tone plan for 'Atlantis'"));
    }
}
