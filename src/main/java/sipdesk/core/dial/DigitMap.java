package sipdesk.core.dial;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * A Yealink / MGCP-style digit map ({@code account.1.dialplan.digitmap.string}), e.g.
 * {@code [2-9]xxxxxx|1xxxxxxxxxx|0T|011xxx.T|*xx}: alternatives separated by {@code |}; {@code x}
 * is any digit, {@code [1-5*]} a set, {@code .} repeats the element before it zero or more times,
 * {@code T} means "complete, but only once the inter-digit timer runs out".
 */
public final class DigitMap {

    /** What the digits typed so far mean against the map. */
    public enum Match {
        /** A pattern is fully matched and cannot take more digits: dial now. */
        COMPLETE,
        /** More digits (or the timer) are needed. */
        PARTIAL,
        /** No pattern can match, whatever follows. */
        NONE
    }

    private record Element(BitSet chars, boolean repeats) {}

    private record Pattern(List<Element> elements, boolean timer) {}

    private final List<Pattern> patterns;

    private DigitMap(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    /** Parses a digit map, or explains what is wrong with it. */
    public static Parsed parse(String text) {
        String s = text.trim();
        if (s.startsWith("(") && s.endsWith(")")) s = s.substring(1, s.length() - 1);
        if (s.isEmpty()) return new Parsed(Optional.empty(), "digit map is empty");
        List<Pattern> out = new ArrayList<>();
        for (String alt : s.split("\\|", -1)) {
            String a = alt.trim();
            if (a.isEmpty()) return new Parsed(Optional.empty(), "empty alternative in digit map '" + text + "'");
            List<Element> elements = new ArrayList<>();
            boolean timer = false;
            for (int i = 0; i < a.length(); i++) {
                char c = a.charAt(i);
                if (timer) return new Parsed(Optional.empty(), "'T' must end its alternative in '" + a + "'");
                if (c == 'T' || c == 't') {
                    timer = true;
                } else if (c == '.') {
                    if (elements.isEmpty() || elements.get(elements.size() - 1).repeats())
                        return new Parsed(Optional.empty(), "'.' must follow a digit, x or [set] in '" + a + "'");
                    Element last = elements.remove(elements.size() - 1);
                    elements.add(new Element(last.chars(), true));
                } else if (c == '[') {
                    int end = a.indexOf(']', i);
                    if (end < 0) return new Parsed(Optional.empty(), "'[' without ']' in '" + a + "'");
                    BitSet set = parseSet(a.substring(i + 1, end));
                    if (set == null) return new Parsed(Optional.empty(), "bad set '" + a.substring(i, end + 1) + "'");
                    elements.add(new Element(set, false));
                    i = end;
                } else if (c == 'x' || c == 'X') {
                    BitSet set = new BitSet();
                    set.set('0', '9' + 1);
                    elements.add(new Element(set, false));
                } else if (isDialChar(c)) {
                    BitSet set = new BitSet();
                    set.set(c);
                    elements.add(new Element(set, false));
                } else {
                    return new Parsed(Optional.empty(), "unexpected '" + c + "' in digit map alternative '" + a + "'");
                }
            }
            out.add(new Pattern(List.copyOf(elements), timer));
        }
        return new Parsed(Optional.of(new DigitMap(List.copyOf(out))), "");
    }

    /** A parsed map, or the reason it could not be parsed. */
    public record Parsed(Optional<DigitMap> map, String error) {}

    public Match match(String digits) {
        boolean partial = false;
        for (Pattern p : patterns) {
            Match m = match(p, digits);
            if (m == Match.COMPLETE) return Match.COMPLETE;
            if (m == Match.PARTIAL) partial = true;
        }
        return partial ? Match.PARTIAL : Match.NONE;
    }

    private static Match match(Pattern p, String digits) {
        // Positions in the element list reachable after the digits so far (an NFA simulation).
        BitSet states = closure(p, single(0));
        for (int i = 0; i < digits.length() && !states.isEmpty(); i++) {
            char c = digits.charAt(i);
            BitSet next = new BitSet();
            for (int s = states.nextSetBit(0); s >= 0; s = states.nextSetBit(s + 1)) {
                if (s >= p.elements().size()) continue;
                Element e = p.elements().get(s);
                if (e.chars().get(c)) next.set(e.repeats() ? s : s + 1);
            }
            states = closure(p, next);
        }
        if (states.isEmpty()) return Match.NONE;
        int end = p.elements().size();
        boolean accepted = states.get(end);
        boolean canGrow = states.previousSetBit(end - 1) >= 0;
        if (accepted && !canGrow && !p.timer()) return Match.COMPLETE;
        return Match.PARTIAL;
    }

    /** Repeating elements may match zero times: skipping them is free. */
    private static BitSet closure(Pattern p, BitSet states) {
        BitSet out = (BitSet) states.clone();
        for (int s = out.nextSetBit(0); s >= 0; s = out.nextSetBit(s + 1)) {
            if (s < p.elements().size() && p.elements().get(s).repeats()) out.set(s + 1);
        }
        return out;
    }

    private static BitSet single(int i) {
        BitSet b = new BitSet();
        b.set(i);
        return b;
    }

    private static BitSet parseSet(String body) {
        if (body.isEmpty()) return null;
        BitSet set = new BitSet();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                char to = body.charAt(i + 2);
                if (!Character.isDigit(c) || !Character.isDigit(to) || to < c) return null;
                set.set(c, to + 1);
                i += 2;
            } else if (isDialChar(c)) {
                set.set(c);
            } else if (c == 'x' || c == 'X') {
                set.set('0', '9' + 1);
            } else {
                return null;
            }
        }
        return set;
    }

    private static boolean isDialChar(char c) {
        return (c >= '0' && c <= '9') || c == '*' || c == '#';
    }
}
