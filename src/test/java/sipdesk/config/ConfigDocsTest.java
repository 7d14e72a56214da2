package sipdesk.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample sipdesk.cfg and KEYS.md are generated from the key table; run with -Dsipdesk.writeDocs=true to regenerate. */
class ConfigDocsTest {
    static final Path SAMPLE = Path.of("src/main/config/sipdesk.cfg");
    static final Path KEYS = Path.of("src/main/config/KEYS.md");

    @Test
    void theSampleConfigLoadsWithoutWarnings() {
        ConfigLoad.Loaded l = assertInstanceOf(ConfigLoad.Loaded.class, ConfigFile.load(SAMPLE, Strictness.STRICT));
        assertEquals(List.of(), l.warnings());
        assertTrue(l.config().account().enabled());
    }

    @Test
    void theSampleConfigAndKeysTableAreUpToDate() throws IOException {
        if (Boolean.getBoolean("sipdesk.writeDocs")) {
            Files.writeString(SAMPLE, KeyDocs.sampleConfig(), UTF_8);
            Files.writeString(KEYS, KeyDocs.keysMarkdown(), UTF_8);
        }
        assertEquals(KeyDocs.sampleConfig(), Files.readString(SAMPLE, UTF_8), "regenerate with -Dsipdesk.writeDocs=true");
        assertEquals(KeyDocs.keysMarkdown(), Files.readString(KEYS, UTF_8), "regenerate with -Dsipdesk.writeDocs=true");
    }

    @Test
    void everyKeyIsInTheSampleAndInTheTable() throws IOException {
        String sample = Files.readString(SAMPLE, UTF_8);
        String table = Files.readString(KEYS, UTF_8);
        for (Setting<?> k : Keys.all()) {
            assertTrue(sample.contains("\n" + k.name() + " ="), k.name());
            assertTrue(table.contains("| `" + k.name() + "` |"), k.name());
        }
    }
}
