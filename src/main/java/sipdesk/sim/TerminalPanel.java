package sipdesk.sim;

import java.io.PrintStream;
import java.util.List;
import sipdesk.core.Glyph;
import sipdesk.core.Screen;
import sipdesk.core.port.Display;

/**
 * The LCD drawn in a terminal. Interactive: the screen is redrawn in place with a status and a
 * help line. Plain (scripts, tests, tmux logs): each frame is printed as a box after a
 * "--- lcd" line, and audio changes as "--- audio ..." lines.
 */
public final class TerminalPanel implements Display {
    public static final String HELP = """
            keys: 0-9 * #  h/space=hook  Enter=OK  Backspace/c=cancel  r=redial  d=DND  o=hold
                  t=transfer  k=conference  s=speaker  f=forward  y=history  x=flash
                  i=incoming call  e=remote hangs up  q=quit""";

    private final PrintStream out;
    private final boolean interactive;
    private Screen last;
    private String audio = "";
    private String note = "";

    public TerminalPanel(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public synchronized void show(Screen screen) {
        last = screen;
        if (interactive) redraw();
        else out.println("--- lcd\n" + box(screen));
        out.flush();
    }

    public synchronized void audio(String line) {
        audio = line;
        if (interactive) redraw();
        else out.println("--- audio " + line);
        out.flush();
    }

    public synchronized void note(String line) {
        note = line;
        if (interactive) redraw();
        else out.println("--- " + line);
        out.flush();
    }

    public synchronized Screen last() {
        return last;
    }

    /** The LCD as text in a frame, glyphs as ASCII. */
    public static String box(Screen screen) {
        List<String> lines = screen.lines();
        int width = lines.isEmpty() ? 0 : lines.get(0).length();
        StringBuilder b = new StringBuilder();
        b.append('+').append("-".repeat(width)).append("+\n");
        for (String l : lines) b.append('|').append(Glyph.ascii(l)).append("|\n");
        b.append('+').append("-".repeat(width)).append('+');
        if (!screen.lamps().isEmpty()) b.append("  lamps: ").append(screen.lamps());
        return b.toString();
    }

    private void redraw() {
        out.print("\033[H\033[2J");
        out.println("sipdesk simulator\r");
        if (last != null) out.println(box(last).replace("\n", "\r\n") + "\r");
        out.println(audio + "\r");
        out.println(note + "\r");
        out.println(HELP.replace("\n", "\r\n") + "\r");
        out.println("network: " + SimulatedNetwork.HELP + "\r");
    }
}
