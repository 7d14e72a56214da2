package sipdesk.media.tone;

import java.util.ArrayList;
import java.util.List;

/**
 * A call-progress tone as Yealink writes it ({@code voice.tone.*}, YEALINK.md section 2): up to 8
 * comma-separated elements {@code [!]f1[+f2[+f3[+f4]]][/ms]}. The elements play in order and then
 * repeat, except those marked {@code !}, which play on the first pass only; a pattern made only of
 * {@code !} elements plays once and stops. A frequency of 0 is silence. An element without a
 * duration (or with 0) lasts until the tone is stopped, as in {@code 350+440}.
 */
public record TonePattern(List<ToneSegment> segments) {

    /** Yealink's limits: 8 elements, 0..4000 Hz, 0..30000 ms. */
    public static final int MAX_SEGMENTS = 8;
    public static final int MAX_FREQUENCY_HZ = 4000;
    public static final int MAX_DURATION_MS = 30000;

    public TonePattern {
        segments = List.copyOf(segments);
        if (segments.isEmpty() || segments.size() > MAX_SEGMENTS) {
            throw new IllegalArgumentException("1.." + MAX_SEGMENTS + " segments, got " + segments.size());
        }
    }

    /** Parses a tone string; for built-in plans whose strings are known to be valid. */
    public static TonePattern of(String text) {
        return switch (parse(text)) {
            case ParsedTone.Valid valid -> valid.pattern();
            case ParsedTone.Invalid invalid -> throw new IllegalArgumentException(invalid.message());
        };
    }

    public static ParsedTone parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return new ParsedTone.Invalid("empty tone: expected elements like 350+440/100,0/100");
        }
        String[] elements = trimmed.split(",", -1);
        if (elements.length > MAX_SEGMENTS) {
            return new ParsedTone.Invalid("'" + trimmed + "': " + elements.length + " elements, at most "
                    + MAX_SEGMENTS + " allowed");
        }
        List<ToneSegment> segments = new ArrayList<>(elements.length);
        for (int i = 0; i < elements.length; i++) {
            String problem = parseElement(elements[i].strip(), segments);
            if (problem != null) {
                return new ParsedTone.Invalid("'" + trimmed + "' element " + (i + 1) + " '"
                        + elements[i].strip() + "': " + problem);
            }
        }
        return new ParsedTone.Valid(new TonePattern(segments));
    }

    /** Adds the element to {@code segments}, or returns what is wrong with it. */
    private static String parseElement(String element, List<ToneSegment> segments) {
        boolean once = element.startsWith("!");
        String body = once ? element.substring(1).strip() : element;
        if (body.isEmpty()) {
            return "expected [!]f1[+f2[+f3[+f4]]][/ms]";
        }
        int slash = body.indexOf('/');
        String frequencyText = slash < 0 ? body : body.substring(0, slash).strip();
        int durationMs = 0;
        if (slash >= 0) {
            durationMs = number(body.substring(slash + 1).strip());
            if (durationMs < 0 || durationMs > MAX_DURATION_MS) {
                return "duration must be 0.." + MAX_DURATION_MS + " ms";
            }
        }
        String[] frequencyTexts = frequencyText.split("\\+", -1);
        if (frequencyTexts.length > ToneSegment.MAX_FREQUENCIES) {
            return "at most " + ToneSegment.MAX_FREQUENCIES + " frequencies";
        }
        List<Integer> frequencies = new ArrayList<>(frequencyTexts.length);
        for (String text : frequencyTexts) {
            int hz = number(text.strip());
            if (hz < 0 || hz > MAX_FREQUENCY_HZ) {
                return "frequency '" + text.strip() + "' must be 0.." + MAX_FREQUENCY_HZ + " Hz";
            }
            if (hz > 0) {
                frequencies.add(hz);
            }
        }
        segments.add(new ToneSegment(frequencies, durationMs, once));
        return null;
    }

    /** A plain decimal number, or -1. */
    private static int number(String text) {
        if (text.isEmpty() || text.length() > 6) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(text);
    }

    /** Whether the pattern ends by itself (only {@code !} elements, none continuous). */
    public boolean playsOnce() {
        for (ToneSegment segment : segments) {
            if (!segment.once() || segment.continuous()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (ToneSegment segment : segments) {
            text.append(text.isEmpty() ? "" : ",").append(segment);
        }
        return text.toString();
    }
}
