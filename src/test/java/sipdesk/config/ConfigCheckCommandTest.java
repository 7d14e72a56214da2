package sipdesk.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCheckCommandTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return ConfigCheckCommand.run(List.of(args), new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    }

    Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("sipdesk.cfg"), text, UTF_8);
    }

    @Test
    void aGoodFileExitsZeroAndSaysOk() throws IOException {
        Path f = write(ConfigFileTest.ACCOUNT);
        assertEquals(0, run(f.toString()));
        assertEquals(f + ": ok\n", out.toString(UTF_8));
        assertEquals("", err.toString(UTF_8));
    }

    @Test
    void warningsArePrintedAndTheExitCodeStaysZero() throws IOException {
        Path f = write(ConfigFileTest.ACCOUNT + "account.1.sip_server.1.port = 50x0\nbogus = 1\n");
        assertEquals(0, run(f.toString()));
        assertEquals(f + ": ok, 2 warnings\n", out.toString(UTF_8));
        assertEquals("warning: " + f + ":5: account.1.sip_server.1.port: expected 0..65535, got '50x0'; kept the previous value\n"
                + "warning: " + f + ":6: bogus: unknown key; ignored\n", err.toString(UTF_8));
    }

    @Test
    void strictTurnsWarningsAboutKnownKeysIntoExitOne() throws IOException {
        Path f = write(ConfigFileTest.ACCOUNT + "account.1.sip_server.1.port = 50x0\n");
        assertEquals(1, run("--strict", f.toString()));
        assertEquals("", out.toString(UTF_8));
        assertEquals("error: " + f + ":5: account.1.sip_server.1.port: expected 0..65535, got '50x0'; kept the previous value\n"
                + f + ": rejected, nothing applied, 1 error\n", err.toString(UTF_8));
    }

    @Test
    void aRejectedFileExitsOne() throws IOException {
        Path f = write("account.1.enable = 1\n");
        assertEquals(1, run(f.toString()));
        assertTrue(err.toString(UTF_8).contains("error: " + f + ":1: account.1.sip_server.1.address: required"), err.toString(UTF_8));
        assertTrue(err.toString(UTF_8).endsWith(": rejected, nothing applied, 2 errors\n"), err.toString(UTF_8));
    }

    @Test
    void aMissingFileExitsOneWithAClearMessage() {
        Path f = dir.resolve("nope.cfg");
        assertEquals(1, run(f.toString()));
        assertEquals("error: " + f + ": no such file\n" + f + ": rejected, nothing applied, 1 error\n", err.toString(UTF_8));
    }

    @Test
    void wrongUsageExitsTwo() {
        assertEquals(2, run());
        assertEquals("sipdesk config check: no file named\n" + ConfigCheckCommand.USAGE + "\n", err.toString(UTF_8));
        assertEquals(2, run("--loose", "x.cfg"));
        assertEquals(2, run("a.cfg", "b.cfg"));
    }

    @Test
    void helpExitsZero() {
        assertEquals(0, run("--help"));
        assertEquals(ConfigCheckCommand.USAGE + "\n", out.toString(UTF_8));
    }
}
