package sipdesk.config;

import java.util.Map;
import java.util.Objects;

/**
 * Writes the documented sample sipdesk.cfg and the KEYS.md table from {@link Keys}, so the two
 * never drift from what the reader accepts (ConfigDocsTest checks the files in src/main/config).
 */
final class KeyDocs {
    private KeyDocs() {
    }

    static String sampleConfig() {
        StringBuilder s = new StringBuilder();
        s.append("""
                #!version:1.0.0.1
                ## sipdesk.cfg: the configuration of the sipdesk desk phone, in Yealink .cfg syntax.
                ## Installed as /etc/sipdesk/sipdesk.cfg. Check it with: sipdesk config check FILE [--strict]
                ##
                ## Syntax, as Yealink phones read it:
                ##   key = value      spaces around '=' are optional; the value is the rest of the line
                ##                    and may contain '#', '=' and ':'
                ##   # ...            a comment, but only when '#' starts the line
                ##   key =            a blank value leaves the key as it is (default or an earlier line)
                ##   key = %NULL%     sets the key to empty
                ##   a key given twice: the last non-blank value wins
                ## Unknown keys, lines without '=' and unusable values are warnings and are ignored;
                ## an enabled account without a server address or user name rejects the whole file.
                ## Only account 1 is used. Every key is listed in KEYS.md.
                """);
        String group = "";
        for (Setting<?> k : Keys.all()) {
            if (!k.group().equals(group)) {
                group = k.group();
                s.append("\n##############################################################################\n")
                        .append("##  ").append(group).append('\n')
                        .append("##############################################################################\n");
            }
            s.append('\n').append("## ").append(k.help()).append('\n')
                    .append("## Values: ").append(k.type().expected())
                    .append(". Default: ").append(shownDefault(k)).append('.')
                    .append(k.origin() == Setting.Origin.YEALINK ? " (Yealink)" : " (sipdesk)").append('\n')
                    .append(k.name()).append(" =").append(k.example().isEmpty() ? "" : " " + k.example()).append('\n');
        }
        return s.toString();
    }

    static String keysMarkdown() {
        StringBuilder s = new StringBuilder();
        s.append("""
                # sipdesk.cfg keys

                Generated from `sipdesk.config.Keys` (`KeyDocs`); `ConfigDocsTest` fails when this file or the
                sample `sipdesk.cfg` is out of date (regenerate with `-Dsipdesk.writeDocs=true`).
                Syntax and the rules for blanks, `%NULL%`, repeated keys and warnings: see the head of
                `sipdesk.cfg` and YEALINK.md section 4. "Yealink" keys keep the names and meanings of the
                Yealink T4X admin guide; "sipdesk" keys are our own.
                """);
        String group = "";
        for (Setting<?> k : Keys.all()) {
            if (!k.group().equals(group)) {
                group = k.group();
                s.append("\n## ").append(group).append("\n\n")
                        .append("| Key | Values | Default | What it does | Origin |\n")
                        .append("|---|---|---|---|---|\n");
            }
            s.append("| `").append(k.name()).append("` | ").append(cell(k.type().expected()))
                    .append(" | ").append(k.defaultText().isEmpty() ? "(empty)" : "`" + cell(k.defaultText()) + "`")
                    .append(" | ").append(cell(k.help()))
                    .append(" | ").append(k.origin() == Setting.Origin.YEALINK ? "Yealink" : "sipdesk").append(" |\n");
        }
        s.append("\n## Legacy names\n\nOlder Yealink firmware names, read as the current key.\n\n")
                .append("| Legacy key | Read as |\n|---|---|\n");
        Keys.legacyNames().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> s.append("| `").append(e.getKey()).append("` | `").append(e.getValue().name()).append("` |\n"));
        s.append("\nNumbered codec slots of older firmware, `account.1.codec.N.enable`, `.priority` and `.payload_type`")
                .append(" (N = 1..999), are read as the `account.1.codec.<name>.*` key that the slot's `payload_type`")
                .append(" names (PCMU, PCMA or G722); the later line wins. Slots of other codecs are ignored with a warning.\n");
        s.append("\nKeys of other accounts (`account.2.*` ...) are recognised and ignored with one warning per account.\n");
        return s.toString();
    }

    private static String shownDefault(Setting<?> k) {
        return k.defaultText().isEmpty() ? "empty" : k.defaultText();
    }

    private static String cell(String text) {
        return Objects.requireNonNull(text).replace("|", "\\|");
    }
}
