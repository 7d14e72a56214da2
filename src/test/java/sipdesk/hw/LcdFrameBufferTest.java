package sipdesk.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sipdesk.core.Glyph;
import sipdesk.core.Screen;

class LcdFrameBufferTest {
    private static Screen screen(String... lines) {
        return new Screen(List.of(lines), Set.of());
    }

    @Test
    void anUnknownLcdIsRedrawnInFull() {
        LcdFrameBuffer fb = new LcdFrameBuffer(LcdSize.LCD_16X2);
        List<LcdFrameBuffer.Run> runs = fb.changes(fb.layout(screen("a", "b")));
        assertEquals(2, runs.size());
        assertEquals(16, runs.get(0).bytes().length);
    }

    @Test
    void aClearedLcdOnlyGetsItsText() {
        LcdFrameBuffer fb = new LcdFrameBuffer(LcdSize.LCD_16X2);
        fb.cleared();
        assertEquals(List.of(new LcdFrameBuffer.Run(1, 2, new byte[] {'h', 'i'})),
                fb.changes(fb.layout(screen("", "  hi"))));
    }

    @Test
    void missingLinesAreBlankAndExtraLinesAreDropped() {
        LcdFrameBuffer fb = new LcdFrameBuffer(LcdSize.LCD_16X2);
        fb.cleared();
        assertEquals(List.of(new LcdFrameBuffer.Run(0, 0, new byte[] {'x'})),
                fb.changes(fb.layout(screen("x", "", "third line is not there"))));
    }

    @Test
    void charsetMapsGlyphsRomCharactersAndFallbacks() {
        assertEquals(0, LcdCharset.encode(Glyph.HANDSET));
        assertEquals(6, LcdCharset.encode(Glyph.HOLD));
        assertEquals('A', LcdCharset.encode('A'));
        assertEquals((byte) 0xDF, LcdCharset.encode('\u00b0'));
        assertEquals((byte) 0xEF, LcdCharset.encode('\u00f6'));
        assertEquals('e', LcdCharset.encode('\u00e8'));
        assertEquals('C', LcdCharset.encode('\u00c7'));
        assertEquals('?', LcdCharset.encode('\\'));
        assertEquals('?', LcdCharset.encode('~'));
        assertEquals('?', LcdCharset.encode('\u4e2d'));
        assertEquals(LcdCharset.glyphCount(), LcdCharset.GLYPHS.size());
    }
}
