package sipdesk.sim;

import sipdesk.core.Glyph;
import sipdesk.core.Screen;

/** Draws an LCD frame as an SVG picture (the README's screenshots are made with it). */
public final class LcdPicture {
    private static final int CELL_W = 14;
    private static final int CELL_H = 24;
    private static final int MARGIN = 16;

    private LcdPicture() {}

    public static String svg(Screen screen, String caption) {
        int cols = screen.lines().isEmpty() ? 0 : screen.lines().get(0).length();
        int rows = screen.lines().size();
        int w = cols * CELL_W + 2 * MARGIN;
        int h = rows * CELL_H + 2 * MARGIN + 22;
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\">\n");
        b.append("  <rect x=\"0\" y=\"0\" width=\"").append(w).append("\" height=\"").append(h - 22)
                .append("\" rx=\"8\" fill=\"#1d3b12\"/>\n");
        b.append("  <rect x=\"6\" y=\"6\" width=\"").append(w - 12).append("\" height=\"").append(h - 34)
                .append("\" rx=\"4\" fill=\"#9bc53d\"/>\n");
        for (int r = 0; r < rows; r++) {
            String line = Glyph.ascii(screen.lines().get(r));
            for (int c = 0; c < line.length(); c++) {
                int x = MARGIN + c * CELL_W;
                int y = MARGIN + r * CELL_H;
                b.append("  <rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(CELL_W - 2)
                        .append("\" height=\"").append(CELL_H - 2).append("\" fill=\"#8db43a\"/>\n");
                char ch = line.charAt(c);
                if (ch != ' ') {
                    b.append("  <text x=\"").append(x + 1).append("\" y=\"").append(y + CELL_H - 6)
                            .append("\" font-family=\"monospace\" font-size=\"20\" fill=\"#10220a\">")
                            .append(escape(ch)).append("</text>\n");
                }
            }
        }
        b.append("  <text x=\"").append(MARGIN).append("\" y=\"").append(h - 6)
                .append("\" font-family=\"sans-serif\" font-size=\"13\" fill=\"#444\">").append(escape(caption)).append("</text>\n");
        return b.append("</svg>\n").toString();
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) b.append(escape(c));
        return b.toString();
    }

    private static String escape(char c) {
        return switch (c) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            default -> String.valueOf(c);
        };
    }
}
