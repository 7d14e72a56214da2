package sipdesk.core.dial;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import sipdesk.core.dial.DigitMap.Match;

class DigitMapTest {
    private static DigitMap map(String s) {
        var parsed = DigitMap.parse(s);
        assertEquals("", parsed.error());
        return parsed.map().orElseThrow();
    }

    @Test
    void fixedLengthPatternsCompleteOnTheLastDigit() {
        var m = map("[2-9]xxxxxx|1xxxxxxxxxx");
        assertEquals(Match.PARTIAL, m.match("555"));
        assertEquals(Match.COMPLETE, m.match("5551234"));
        assertEquals(Match.COMPLETE, m.match("12125551234"));
        assertEquals(Match.NONE, m.match("0"));
        assertEquals(Match.NONE, m.match("55512345"));
    }

    @Test
    void timerAndRepeatPatternsWaitForTheTimer() {
        var m = map("011xxx.T|0T");
        assertEquals(Match.PARTIAL, m.match("0"));
        assertEquals(Match.PARTIAL, m.match("011441234"));
    }

    @Test
    void starCodesAndSets() {
        var m = map("(*xx|[#*]7x)");
        assertEquals(Match.COMPLETE, m.match("*72"));
        assertEquals(Match.COMPLETE, m.match("#71"));
        assertEquals(Match.NONE, m.match("#8"));
    }

    @Test
    void badMapsExplainThemselves() {
        assertTrue(DigitMap.parse("[2-").error().contains("without ']'"));
        assertTrue(DigitMap.parse("x|").error().contains("empty alternative"));
        assertTrue(DigitMap.parse(".x").error().contains("'.' must follow"));
        assertTrue(DigitMap.parse("1a").error().contains("unexpected 'a'"));
        assertTrue(DigitMap.parse("xTx").error().contains("'T' must end"));
    }
}
