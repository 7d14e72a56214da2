package sipdesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core imports nothing but the pure parts of java.base and itself: no hardware, SIP, sound, files or sockets. */
class CoreDependencyTest {
    private static final Path CORE = Path.of("src/main/java/sipdesk/core");
    private static final Pattern ALLOWED = Pattern.compile(
            "^import (static )?(java\\.util|java\\.time|java\\.lang|sipdesk\\.core)[.;].*");
    private static final Pattern FORBIDDEN_NAMES = Pattern.compile(
            "\\b(java\\.io|java\\.nio|java\\.net|javax\\.|com\\.pi4j|gov\\.nist|jssc|System\\.currentTimeMillis|Thread\\.sleep|new Thread)\\b");

    @Test
    void coreImportsOnlyPureJavaBase() throws IOException {
        List<String> offences = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(CORE)) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertFalse(files.isEmpty(), "no core sources found under " + CORE.toAbsolutePath());
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (line.startsWith("import ") && !ALLOWED.matcher(line).matches()) offences.add(f + ":" + (i + 1) + ": " + line);
                if (!line.startsWith("//") && !line.startsWith("*") && FORBIDDEN_NAMES.matcher(line).find()) {
                    offences.add(f + ":" + (i + 1) + ": " + line);
                }
            }
        }
        assertEquals(List.of(), offences);
    }
}
