package sipdesk.config;

import static sipdesk.config.ConfigProblem.Kind.BAD_VALUE;
import static sipdesk.config.ConfigProblem.Kind.INCONSISTENT;
import static sipdesk.config.ConfigProblem.Kind.NOT_USED;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Older firmware's numbered codec slots, {@code account.1.codec.N.enable/priority/payload_type}
 * (YEALINK.md section 4): a slot means a codec only through its payload_type line, which may come
 * after the others, so slots are collected while reading and applied at the end. A slot's value
 * counts where its line stands: against {@code account.1.codec.pcmu.*} the later line wins.
 */
final class CodecSlots {
    private static final Pattern SLOT = Pattern.compile("account\\.1\\.codec\\.(\\d{1,3})\\.(enable|priority|payload_type)",
            Pattern.CASE_INSENSITIVE);

    /** The last non-blank line of one field of one slot. */
    private record Field(String key, String value, int line) {
    }

    private final Map<Integer, Map<String, Field>> slots = new TreeMap<>();

    /** Takes the line when its key is a codec slot's; blank values leave the slot as it is. */
    boolean offer(int line, String key, String value) {
        Matcher m = SLOT.matcher(key);
        if (!m.matches()) return false;
        if (value.isEmpty()) return true;
        String text = value.equalsIgnoreCase("%NULL%") ? "" : value;
        int slot = Integer.parseInt(m.group(1));
        slots.computeIfAbsent(slot, n -> new HashMap<>()).put(m.group(2).toLowerCase(Locale.ROOT), new Field(key, text, line));
        return true;
    }

    void applyTo(SettingValues.Draft draft, String file, List<ConfigProblem> warnings) {
        slots.forEach((n, fields) -> {
            Field payload = fields.get("payload_type");
            if (payload == null) {
                Field any = fields.values().iterator().next();
                warnings.add(new ConfigProblem(file, any.line(), any.key(),
                        "codec slot " + n + " has no account.1.codec." + n + ".payload_type line; slot ignored", INCONSISTENT));
                return;
            }
            Optional<Codec> codec = codec(payload.value());
            if (codec.isEmpty()) {
                warnings.add(new ConfigProblem(file, payload.line(), payload.key(),
                        "sipdesk speaks PCMU, PCMA and G722, not '" + payload.value() + "'; slot ignored", NOT_USED));
                return;
            }
            apply(draft, file, warnings, fields.get("enable"), enableKey(codec.get()));
            apply(draft, file, warnings, fields.get("priority"), priorityKey(codec.get()));
        });
    }

    private static <T> void apply(SettingValues.Draft draft, String file, List<ConfigProblem> warnings, Field f, Setting<T> target) {
        if (f == null) return;
        Optional<T> v = target.type().parse(f.value());
        if (v.isEmpty()) {
            warnings.add(new ConfigProblem(file, f.line(), f.key(),
                    "expected " + target.type().expected() + ", got '" + f.value() + "'; kept the previous value", BAD_VALUE));
        } else if (f.line() > draft.line(target)) {
            draft.set(target, v.get(), f.line());
        }
    }

    private static Optional<Codec> codec(String payloadType) {
        return switch (payloadType.toUpperCase(Locale.ROOT)) {
            case "PCMU", "G711U", "G711-U" -> Optional.of(Codec.PCMU);
            case "PCMA", "G711A", "G711-A" -> Optional.of(Codec.PCMA);
            case "G722" -> Optional.of(Codec.G722);
            default -> Optional.empty();
        };
    }

    private static Setting<Boolean> enableKey(Codec c) {
        return switch (c) {
            case PCMU -> Keys.PCMU_ENABLE;
            case PCMA -> Keys.PCMA_ENABLE;
            case G722 -> Keys.G722_ENABLE;
        };
    }

    private static Setting<Integer> priorityKey(Codec c) {
        return switch (c) {
            case PCMU -> Keys.PCMU_PRIORITY;
            case PCMA -> Keys.PCMA_PRIORITY;
            case G722 -> Keys.G722_PRIORITY;
        };
    }
}
