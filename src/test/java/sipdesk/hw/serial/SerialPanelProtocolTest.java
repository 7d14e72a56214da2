package sipdesk.hw.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import sipdesk.core.Glyph;
import sipdesk.core.Key;
import sipdesk.core.Screen;
import sipdesk.hw.LcdCharset;
import sipdesk.hw.serial.SerialPanelProtocol.Inbound;

class SerialPanelProtocolTest {

    @Test
    void keysLongPressesHookAndFlashAreParsed() {
        assertEquals(new Inbound.Pressed(Key.DIGIT_5), SerialPanelProtocol.parse("K 5"));
        assertEquals(new Inbound.Pressed(Key.STAR), SerialPanelProtocol.parse("K *"));
        assertEquals(new Inbound.Pressed(Key.OK), SerialPanelProtocol.parse("k ok"));
        assertEquals(new Inbound.LongPressed(Key.POUND), SerialPanelProtocol.parse("L #"));
        assertEquals(new Inbound.LongPressed(Key.TRANSFER), SerialPanelProtocol.parse("L TRANSFER"));
        assertEquals(new Inbound.Hook(true), SerialPanelProtocol.parse("H 1"));
        assertEquals(new Inbound.Hook(false), SerialPanelProtocol.parse("H 0\r"));
        assertEquals(new Inbound.Flash(), SerialPanelProtocol.parse("F"));
    }

    @Test
    void helloPingPongAndCommentsAreParsed() {
        assertEquals(new Inbound.Hello("sipdesk-panel 1.2 (atmega32u4)"), SerialPanelProtocol.parse("HELLO sipdesk-panel 1.2 (atmega32u4)"));
        assertEquals(new Inbound.Hello(""), SerialPanelProtocol.parse("HELLO"));
        assertEquals(new Inbound.Ping(), SerialPanelProtocol.parse("PING"));
        assertEquals(new Inbound.Pong(), SerialPanelProtocol.parse("PONG"));
        assertEquals(new Inbound.Comment("# boot 3"), SerialPanelProtocol.parse("# boot 3"));
        assertEquals(new Inbound.Comment(""), SerialPanelProtocol.parse(""));
    }

    @Test
    void everyKeyHasANameThatParsesBack() {
        for (Key k : Key.values()) {
            assertEquals(new Inbound.Pressed(k), SerialPanelProtocol.parse("K " + SerialPanelProtocol.keyName(k)), k.name());
        }
    }

    @Test
    void badLinesAreMalformedWithAReasonNeverAnException() {
        assertEquals("unknown command 'X'", why("X 1"));
        assertEquals("unknown key 'A' (0-9, *, #, OK, CANCEL, REDIAL, DND, HOLD, TRANSFER, CONFERENCE, SPEAKER, FORWARD,"
                + " HISTORY)", why("K A"));
        assertEquals("unknown key '' (0-9, *, #, OK, CANCEL, REDIAL, DND, HOLD, TRANSFER, CONFERENCE, SPEAKER, FORWARD,"
                + " HISTORY)", why("K"));
        assertEquals("H takes 0 (on hook) or 1 (off hook), got '2'", why("H 2"));
        assertEquals("F takes no argument", why("F 1"));
        assertEquals("longer than 80 characters", why("K " + "1".repeat(100)));
        assertEquals("not printable ASCII at column 3", why("K \u00e9"));
        Inbound.Malformed m = assertInstanceOf(Inbound.Malformed.class, SerialPanelProtocol.parse("K \u0001"));
        assertEquals("K \\x01", m.line());
    }

    private static String why(String line) {
        return assertInstanceOf(Inbound.Malformed.class, SerialPanelProtocol.parse(line)).why();
    }

    @Test
    void aDisplayLineCarriesTheRowAndEscapesGlyphsAndRomCodes() {
        byte[] cells = new byte[16];
        String text = Glyph.HANDSET + " 1002 \u00e4\\    ";
        for (int i = 0; i < 16; i++) cells[i] = LcdCharset.encode(i < text.length() ? text.charAt(i) : ' ');
        String line = SerialPanelProtocol.display(1, cells);
        assertEquals("D 1 \\0 1002 \\xE1?      \\x20", line); // no backslash in ROM A00: a question mark
        assertArrayEquals(cells, SerialPanelProtocol.decodeCells(line.substring(4)));
    }

    @Test
    void everyCodeSurvivesTheEscapes() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) all[i] = (byte) i;
        String line = SerialPanelProtocol.display(0, all);
        for (char c : line.toCharArray()) assertEquals(true, c >= 0x20 && c <= 0x7E, "printable: " + (int) c);
        assertArrayEquals(all, SerialPanelProtocol.decodeCells(line.substring(4)));
    }

    @Test
    void outputLines() {
        assertEquals("G 0 000E1F1B000E1F00", SerialPanelProtocol.glyph(0, LcdCharset.bitmap(0)));
        assertEquals("B 1", SerialPanelProtocol.backlight(true));
        assertEquals("LED message_waiting 0", SerialPanelProtocol.led(Screen.Lamp.MESSAGE_WAITING, false));
        assertEquals("R 1", SerialPanelProtocol.ringer(true));
        assertEquals("PING", SerialPanelProtocol.ping());
        assertArrayEquals("PONG\n".getBytes(StandardCharsets.US_ASCII), SerialPanelProtocol.wire(SerialPanelProtocol.pong()));
    }

    @Test
    void linesAreCutAtLineFeedsAndOverlongOnesAreRefused() {
        LineSplitter s = new LineSplitter();
        assertEquals(List.of(), s.feed("K 1".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(List.of("K 1", "H 1"), s.feed("\nH 1\nK".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(List.of("K 2"), s.feed(" 2\n".getBytes(StandardCharsets.US_ASCII)));
        List<String> lines = s.feed(("X".repeat(500) + "\nF\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals(2, lines.size());
        assertInstanceOf(Inbound.Malformed.class, SerialPanelProtocol.parse(lines.get(0)));
        assertEquals(new Inbound.Flash(), SerialPanelProtocol.parse(lines.get(1)));
    }
}
