package sipdesk.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How the text of one key becomes a value: a parser and what it expects, for the warning
 * {@code expected 0..65535, got '50x0'}. The text arrives trimmed; %NULL% arrives as "".
 */
public interface ValueType<T> {

    /** The value, or empty when the text is unusable for this key. */
    Optional<T> parse(String text);

    /** What a usable value looks like, for messages and KEYS.md: {@code 0..65535}. */
    String expected();

    /** Values of secret keys never appear in messages. */
    default boolean secret() {
        return false;
    }

    default <R> ValueType<R> map(Function<? super T, ? extends R> f) {
        ValueType<T> inner = this;
        return of(expected(), text -> inner.parse(text).map(f));
    }

    static <T> ValueType<T> of(String expected, Function<String, Optional<T>> parser) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(parser, "parser");
        return new ValueType<>() {
            @Override public Optional<T> parse(String text) { return parser.apply(text); }
            @Override public String expected() { return expected; }
        };
    }

    /** Yealink switches: 0 or 1. */
    static ValueType<Boolean> flag() {
        return of("0 or 1", t -> switch (t) {
            case "0" -> Optional.of(false);
            case "1" -> Optional.of(true);
            default -> Optional.empty();
        });
    }

    static ValueType<Integer> range(int min, int max) {
        return of(min + ".." + max, t -> integer(t).filter(n -> n >= min && n <= max));
    }

    static ValueType<Integer> oneOf(int... allowed) {
        List<Integer> ok = Arrays.stream(allowed).boxed().toList();
        return of(spoken(ok.stream().map(String::valueOf).toList()), t -> integer(t).filter(ok::contains));
    }

    /** Yealink's numbered choices (0 = UDP, 1 = TCP, ...): the value is the index. */
    @SafeVarargs
    static <E> ValueType<E> numbered(E... choices) {
        List<E> list = List.of(choices);
        return of("0.." + (list.size() - 1), t -> integer(t).filter(n -> n >= 0 && n < list.size()).map(list::get));
    }

    /** Words such as {@code follow|ask|never}, case-insensitive; the map keeps the spelling order. */
    static <E> ValueType<E> words(Map<String, E> choices) {
        return of(spoken(List.copyOf(choices.keySet())),
                t -> Optional.ofNullable(choices.get(t.toLowerCase(Locale.ROOT))));
    }

    /** Any text, including "" from %NULL%. */
    static ValueType<String> text() {
        return of("any text", Optional::of);
    }

    /** Any text; "" means none. */
    static ValueType<Optional<String>> optionalText() {
        return of("any text", t -> Optional.of(Optional.of(t).filter(s -> !s.isEmpty())));
    }

    /** A host name or IP address (no spaces); "" means none. */
    static ValueType<Optional<String>> host() {
        return of("a host name or IP address", t -> t.chars().anyMatch(Character::isWhitespace)
                ? Optional.empty()
                : Optional.of(Optional.of(t).filter(s -> !s.isEmpty())));
    }

    static ValueType<Secret> password() {
        return new ValueType<>() {
            @Override public Optional<Secret> parse(String text) { return Optional.of(new Secret(text)); }
            @Override public String expected() { return "any text (never shown)"; }
            @Override public boolean secret() { return true; }
        };
    }

    /** An I2C address as the datasheets write it (0x27) or in decimal; 7-bit, 0x03..0x77. */
    static ValueType<Integer> i2cAddress() {
        return of("0x03..0x77", t -> {
            String s = t.toLowerCase(Locale.ROOT);
            Optional<Integer> n = s.startsWith("0x") ? integer(s.substring(2), 16) : integer(s);
            return n.filter(a -> a >= 0x03 && a <= 0x77);
        });
    }

    static ValueType<Path> absolutePath() {
        return of("an absolute path", t -> t.startsWith("/") ? Optional.of(Path.of(t)) : Optional.empty());
    }

    /** An absolute path; "" means none. */
    static ValueType<Optional<Path>> optionalAbsolutePath() {
        return of("an absolute path or %NULL%", t -> t.isEmpty() ? Optional.of(Optional.<Path>empty())
                : t.startsWith("/") ? Optional.of(Optional.of(Path.of(t))) : Optional.empty());
    }

    /**
     * A Yealink tone: up to 8 comma-separated elements {@code [!]f1[+f2[+f3[+f4]]]/ms}, {@code !}
     * meaning play once, frequency 0 meaning silence; "" means the country's tone.
     */
    static ValueType<Optional<String>> tone() {
        Pattern element = Pattern.compile("!?\\d{1,5}(\\+\\d{1,5}){0,3}/\\d{1,6}");
        return of("[!]f1[+f2..f4]/ms, up to 8 separated by commas", t -> {
            if (t.isEmpty()) return Optional.of(Optional.empty());
            String[] parts = t.split(",", -1);
            boolean ok = parts.length <= 8 && Arrays.stream(parts).allMatch(p -> element.matcher(p.strip()).matches());
            return ok ? Optional.of(Optional.of(t)) : Optional.empty();
        });
    }

    /**
     * BCM GPIO numbers of the 40-pin header separated by commas ({@code 5,6,13,19}). GPIO0/1 are
     * left out: they carry the HAT ID EEPROM (ID_SD/ID_SC) on every 40-pin Pi.
     */
    static ValueType<List<Integer>> gpioList() {
        return of("BCM GPIO numbers 2..27 separated by commas", t -> {
            if (t.isEmpty()) return Optional.empty();
            List<Optional<Integer>> parts = Arrays.stream(t.split(",", -1)).map(p -> integer(p.strip())).toList();
            boolean ok = parts.stream().allMatch(n -> n.isPresent() && n.get() >= 2 && n.get() <= 27);
            return ok ? Optional.of(parts.stream().map(Optional::get).toList()) : Optional.empty();
        });
    }

    /** One BCM GPIO; 0 or "" means the part is not fitted. */
    static ValueType<Optional<Integer>> optionalGpio() {
        return of("a BCM GPIO number 2..27, or 0 or %NULL% for none", t -> {
            if (t.isEmpty()) return Optional.of(Optional.empty());
            return integer(t).filter(n -> n == 0 || (n >= 2 && n <= 27))
                    .map(n -> n == 0 ? Optional.<Integer>empty() : Optional.of(n));
        });
    }

    /** Milliseconds {@code min..max}. */
    static ValueType<java.time.Duration> millis(int min, int max) {
        return range(min, max).map(java.time.Duration::ofMillis);
    }

    /** Up to {@code maxCount} durations in ms separated by commas ({@code 2000,4000}), each 1..60000. */
    static ValueType<List<java.time.Duration>> millisList(int maxCount) {
        return of("1 to " + maxCount + " times in ms (1..60000) separated by commas", t -> {
            if (t.isEmpty()) return Optional.empty();
            String[] parts = t.split(",", -1);
            if (parts.length > maxCount) return Optional.empty();
            List<Optional<Integer>> ns = Arrays.stream(parts).map(p -> integer(p.strip())).toList();
            boolean ok = ns.stream().allMatch(n -> n.isPresent() && n.get() >= 1 && n.get() <= 60_000);
            return ok ? Optional.of(ns.stream().map(n -> java.time.Duration.ofMillis(n.get())).toList()) : Optional.empty();
        });
    }

    /** As {@link #millisList}, or empty (the value then comes from elsewhere, e.g. the tone plan). */
    static ValueType<Optional<List<java.time.Duration>>> optionalMillisList(int maxCount) {
        ValueType<List<java.time.Duration>> list = millisList(maxCount);
        return of("empty, or " + list.expected(), t -> t.isEmpty() ? Optional.of(Optional.empty()) : list.parse(t).map(Optional::of));
    }

    /** {@code count} different numbers {@code 0..max} separated by commas: bit or position numbers. */
    static ValueType<List<Integer>> distinctNumbers(int count, int max) {
        return of(count + " different numbers 0.." + max + " separated by commas", t -> {
            String[] parts = t.split(",", -1);
            if (parts.length != count) return Optional.empty();
            List<Optional<Integer>> ns = Arrays.stream(parts).map(p -> integer(p.strip())).toList();
            boolean ok = ns.stream().allMatch(n -> n.isPresent() && n.get() >= 0 && n.get() <= max)
                    && ns.stream().distinct().count() == count;
            return ok ? Optional.of(ns.stream().map(Optional::get).toList()) : Optional.empty();
        });
    }

    private static Optional<Integer> integer(String t) {
        return integer(t, 10);
    }

    private static Optional<Integer> integer(String t, int radix) {
        if (t.isEmpty() || t.length() > 11 || t.startsWith("+")) return Optional.empty();
        try {
            return Optional.of(Integer.parseInt(t, radix));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** "404, 480, 486 or 603" */
    private static String spoken(List<String> words) {
        if (words.size() == 1) return words.get(0);
        return words.subList(0, words.size() - 1).stream().collect(Collectors.joining(", "))
                + " or " + words.get(words.size() - 1);
    }
}
