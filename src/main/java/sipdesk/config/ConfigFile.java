package sipdesk.config;

import static sipdesk.config.ConfigProblem.Kind.BAD_VALUE;
import static sipdesk.config.ConfigProblem.Kind.NOT_USED;
import static sipdesk.config.ConfigProblem.Kind.NOT_A_SETTING;
import static sipdesk.config.ConfigProblem.Kind.NOT_TEXT;
import static sipdesk.config.ConfigProblem.Kind.UNKNOWN_KEY;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sipdesk.cfg, a Yealink-style {@code key = value} file, by the rules of YEALINK.md section 4:
 * {@code #} starts a comment only at the start of a line; a line splits at its first {@code =};
 * keys and values are trimmed; a blank value leaves the key as it is, {@code %NULL%} sets it empty;
 * the last usable value of a repeated key wins. Unknown keys, lines without {@code =} and unusable
 * values are warnings (the key keeps its previous value); only a file that is not text or would
 * leave the phone unusable is rejected.
 */
public final class ConfigFile {
    /** Where the daemon looks when no file is named. */
    public static final Path DEFAULT_PATH = Path.of("/etc/sipdesk/sipdesk.cfg");

    /** Real provisioning files are a few hundred kilobytes; anything this large is something else. */
    static final long MAX_BYTES = 4L << 20;

    private static final Pattern OTHER_ACCOUNT = Pattern.compile("account\\.(\\d+)\\..*", Pattern.CASE_INSENSITIVE);

    private static final Pattern KEY_LIKE = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)+");

    private static final Comparator<ConfigProblem> BY_LINE = Comparator.comparingInt(ConfigProblem::line);

    private final String file;
    private final SettingValues.Draft draft = new SettingValues.Draft();
    private final List<ConfigProblem> warnings = new ArrayList<>();
    private final Set<String> unknownSeen = new HashSet<>();
    private final Set<String> accountsSeen = new HashSet<>();
    private final CodecSlots codecSlots = new CodecSlots();

    private ConfigFile(String file) {
        this.file = file;
    }

    /** Reads and checks a file; a file that cannot be read is rejected with the reason. */
    public static ConfigLoad load(Path path, Strictness strictness) {
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) return unreadable(path, "not a configuration file: " + size + " bytes");
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return unreadable(path, "no such file");
        } catch (IOException | SecurityException e) {
            return unreadable(path, "cannot read: " + e);
        }
        return parse(path.toString(), bytes, strictness);
    }

    /** Checks the content of a file; {@code fileName} is what messages call it. */
    public static ConfigLoad parse(String fileName, byte[] content, Strictness strictness) {
        Optional<String> notText = CfgText.notTextReason(content);
        if (notText.isPresent()) {
            return new ConfigLoad.Rejected(List.of(new ConfigProblem(fileName, 0, "", notText.get(), NOT_TEXT)), List.of());
        }
        ConfigFile reader = new ConfigFile(fileName);
        for (CfgText.Line line : CfgText.lines(content)) reader.read(line);
        return reader.finish(strictness);
    }

    private static ConfigLoad unreadable(Path path, String why) {
        return new ConfigLoad.Rejected(List.of(new ConfigProblem(path.toString(), 0, "", why, NOT_TEXT)), List.of());
    }

    private void read(CfgText.Line line) {
        String text = line.text().strip();
        if (text.isEmpty() || text.startsWith("#")) return; // also the "#!version:1.0.0.1" first line
        int eq = text.indexOf('=');
        if (eq < 0) {
            // A known key with its '=' lost is a value problem of that key (strict mode rejects it).
            String word = firstWord(text);
            warn(line, word, "expected 'key = value', the line has no '='; ignored",
                    !word.isEmpty() && Keys.byName(word).isPresent() ? BAD_VALUE : NOT_A_SETTING);
            return;
        }
        String key = text.substring(0, eq).strip();
        String value = text.substring(eq + 1).strip();
        if (key.isEmpty()) {
            warn(line, "", "expected 'key = value', the line has no key; ignored", NOT_A_SETTING);
            return;
        }
        Optional<Setting<?>> setting = Keys.byName(key);
        if (setting.isPresent()) {
            apply(line, key, setting.get(), value);
        } else if (!codecSlots.offer(line.number(), key, value)) {
            notOurs(line, key);
        }
    }

    private <T> void apply(CfgText.Line line, String key, Setting<T> setting, String value) {
        if (value.isEmpty()) return; // Yealink: a blank value leaves the parameter as it is
        String text = value.equalsIgnoreCase("%NULL%") ? "" : value;
        Optional<T> parsed = setting.type().parse(text);
        if (parsed.isPresent()) {
            draft.set(setting, parsed.get(), line.number());
        } else {
            String shown = setting.type().secret() ? "****" : text;
            warn(line, key, "expected " + setting.type().expected() + ", got '" + shown + "'; kept the previous value", BAD_VALUE);
        }
    }

    /** A key of another account (one warning per account) or a key we do not know (one warning per key). */
    private void notOurs(CfgText.Line line, String key) {
        Matcher m = OTHER_ACCOUNT.matcher(key);
        if (m.matches() && !m.group(1).equals("1")) {
            if (accountsSeen.add(m.group(1))) {
                warn(line, key, "only account 1 is used; every account." + m.group(1) + " line is ignored", NOT_USED);
            }
            return;
        }
        if (unknownSeen.add(key.toLowerCase(java.util.Locale.ROOT))) warn(line, key, "unknown key; ignored", UNKNOWN_KEY);
    }

    private ConfigLoad finish(Strictness strictness) {
        codecSlots.applyTo(draft, file, warnings);
        ConfigAssembly.Assembled a = ConfigAssembly.assemble(draft.freeze(), file);
        List<ConfigProblem> all = new ArrayList<>(warnings);
        all.addAll(a.warnings());
        List<ConfigProblem> errors = new ArrayList<>(a.errors());
        List<ConfigProblem> left = new ArrayList<>();
        for (ConfigProblem p : all) {
            if (strictness == Strictness.STRICT && p.kind().aboutKnownKey()) errors.add(p);
            else left.add(p);
        }
        errors.sort(BY_LINE);
        left.sort(BY_LINE);
        if (!errors.isEmpty()) return new ConfigLoad.Rejected(errors, left);
        return new ConfigLoad.Loaded(a.config(), left);
    }

    private void warn(CfgText.Line line, String key, String detail, ConfigProblem.Kind kind) {
        warnings.add(new ConfigProblem(file, line.number(), key, detail, kind));
    }

    /**
     * The key a line without '=' was probably meant to set, when its first word looks like one;
     * never other text, which may be a password that lost its key.
     */
    private static String firstWord(String text) {
        String w = text.split("\\s+", 2)[0];
        return KEY_LIKE.matcher(w).matches() ? w : "";
    }
}
