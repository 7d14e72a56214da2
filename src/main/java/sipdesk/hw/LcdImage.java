package sipdesk.hw;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import sipdesk.core.Screen;

/**
 * A picture of the LCD showing a screen, dot by dot as the HD44780 draws it: the text goes through
 * the real {@link LcdFrameBuffer} layout and {@link LcdCharset} encoding, ROM characters come from
 * {@link LcdFont}, the glyphs from the CGRAM bitmaps. Below it the panel's lamps and a caption, in
 * the same dot font. Only filled rectangles, no system fonts and no anti-aliasing, so every machine
 * draws the same pixels (the README's pictures are checked pixel by pixel).
 */
public final class LcdImage {
    private static final int DOT = 3;
    private static final int PITCH = DOT + 1;
    private static final int CELL_W = 5 * PITCH - 1 + 5;
    private static final int CELL_H = 8 * PITCH - 1 + 7;
    private static final int BEZEL = 10;
    private static final int MARGIN = 14;
    /** The small text (lamp names, caption): the LCD font with 2-pixel dots. */
    private static final int TEXT_DOT = 2;
    private static final int TEXT_ADVANCE = 6 * TEXT_DOT;
    private static final int FOOTER = 62;

    private static final Color BEZEL_COLOR = new Color(0x1d3b12);
    private static final Color GLASS = new Color(0x9bc53d);
    private static final Color DOT_OFF = new Color(0x8db43a);
    private static final Color DOT_ON = new Color(0x10220a);
    private static final Color PAPER = Color.WHITE;
    private static final Color INK = new Color(0x444444);
    private static final Color LAMP_ON = new Color(0xe0301e);
    private static final Color LAMP_OFF = new Color(0xd8d0cc);

    private LcdImage() {}

    public static BufferedImage draw(Screen screen, LcdSize size, String caption) {
        int glassW = 2 * MARGIN + size.columns() * CELL_W - 5;
        int glassH = 2 * MARGIN + size.rows() * CELL_H - 7;
        int w = glassW + 2 * BEZEL;
        int h = glassH + 2 * BEZEL + FOOTER;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            fill(g, PAPER, 0, 0, w, h);
            fill(g, BEZEL_COLOR, 0, 0, w, glassH + 2 * BEZEL);
            fill(g, GLASS, BEZEL, BEZEL, glassW, glassH);
            byte[] cells = new LcdFrameBuffer(size).layout(screen);
            for (int r = 0; r < size.rows(); r++) {
                for (int c = 0; c < size.columns(); c++) {
                    int x = BEZEL + MARGIN + c * CELL_W;
                    int y = BEZEL + MARGIN + r * CELL_H;
                    cell(g, bitmap(cells[r * size.columns() + c]), x, y);
                }
            }
            int footerY = glassH + 2 * BEZEL + 10;
            lamps(g, screen, BEZEL, footerY);
            text(g, caption, BEZEL, footerY + 28, INK);
        } finally {
            g.dispose();
        }
        return img;
    }

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) throw new IllegalStateException("no PNG writer in this JDK");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** CGRAM slots for codes 0-7, the ROM for the rest. */
    private static byte[] bitmap(byte code) {
        int c = code & 0xFF;
        return c < LcdCharset.glyphCount() ? LcdCharset.bitmap(c) : LcdFont.rom(c);
    }

    private static void cell(Graphics2D g, byte[] rows, int x, int y) {
        for (int row = 0; row < 8; row++) {
            for (int col = 0; col < 5; col++) {
                boolean on = (rows[row] >> (4 - col) & 1) != 0;
                fill(g, on ? DOT_ON : DOT_OFF, x + col * PITCH, y + row * PITCH, DOT, DOT);
            }
        }
    }

    /** One LED per lamp, lit or dark, with its name. */
    private static void lamps(Graphics2D g, Screen screen, int x, int y) {
        for (Screen.Lamp lamp : Screen.Lamp.values()) {
            fill(g, screen.lamps().contains(lamp) ? LAMP_ON : LAMP_OFF, x, y + 1, 12, 12);
            String name = switch (lamp) {
                case DND -> "DND";
                case MESSAGE_WAITING -> "MWI";
                case FORWARD -> "FWD";
                case REGISTERED -> "REG";
                case IN_USE -> "USE";
            };
            text(g, name, x + 16, y, INK);
            x += 16 + name.length() * TEXT_ADVANCE + 14;
        }
    }

    private static void text(Graphics2D g, String s, int x, int y, Color ink) {
        for (int i = 0; i < s.length(); i++) {
            byte[] rows = LcdFont.rom(LcdCharset.encode(s.charAt(i)));
            for (int row = 0; row < 8; row++) {
                for (int col = 0; col < 5; col++) {
                    if ((rows[row] >> (4 - col) & 1) != 0) {
                        fill(g, ink, x + i * TEXT_ADVANCE + col * TEXT_DOT, y + row * TEXT_DOT, TEXT_DOT, TEXT_DOT);
                    }
                }
            }
        }
    }

    private static void fill(Graphics2D g, Color color, int x, int y, int w, int h) {
        g.setColor(color);
        g.fillRect(x, y, w, h);
    }

    /** "lcd-idle.png" and the like, for callers that name files after screens. */
    public static String fileName(String screenName) {
        return "lcd-" + screenName.toLowerCase(Locale.ROOT) + ".png";
    }
}
