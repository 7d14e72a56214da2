package sipdesk;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return Main.run(List.of(args), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void versionPrintsTheVersion() throws Exception {
        assertEquals(0, run("--version"));
        assertEquals("sipdesk " + Main.VERSION, out.toString().trim());
    }

    @Test
    void theLauncherKnowsThePhonesOptionsSoItNeverTreatsACommandAsThePhone() throws Exception {
        // src/main/sh/sipdesk gives the phone, and nothing else, its JIT and CDS flags.
        String launcher = Files.readString(Path.of("src/main/sh/sipdesk"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("case \\$\\{args\\[i]} in ([a-z|-]+)\\) ;;").matcher(launcher);
        assertTrue(m.find(), "the launcher's list of the phone's options");
        assertEquals(java.util.Set.copyOf(sipdesk.daemon.RunOptions.OPTIONS), java.util.Set.of(m.group(1).split("\\|")));
    }

    /** What the launcher hands to java: a fake JAVA_HOME whose java says it is 21 and prints its arguments. */
    private static String launcherArgs(Path dir, String... args) throws Exception {
        Path fakeJava = dir.resolve("jdk/bin/java");
        Files.createDirectories(fakeJava.getParent());
        Files.writeString(fakeJava, """
                #!/bin/sh
                case "$*" in *-XshowSettings:properties*) echo '    java.specification.version = 21' >&2; exit 0 ;; esac
                echo "$*"
                """);
        assertTrue(fakeJava.toFile().setExecutable(true));
        Path jar = Files.writeString(dir.resolve("sipdesk.jar"), "");
        List<String> command = new java.util.ArrayList<>(List.of("bash", "src/main/sh/sipdesk"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        pb.environment().put("SIPDESK_JAR", jar.toString());
        pb.environment().put("SIPDESK_CDS_DIR", dir.toString());
        pb.environment().remove("SIPDESK_JAVA_OPTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "the launcher ended");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void theLauncherGivesThePhoneItsJitFlagsAndACommandToItNone(@TempDir Path dir) throws Exception {
        String phone = launcherArgs(dir, "run", "--config", "x.cfg");
        String flag = "-XX:CompileCommand=CompileThresholdScaling,sipdesk.media.HandsetLoop::run,0.01";
        assertTrue(phone.contains(flag), phone);
        assertTrue(phone.indexOf("-XX:CompileCommand=quiet") < phone.indexOf(flag), "quiet first, or the JVM prints the command: " + phone);
        assertNotNull(Class.forName("sipdesk.media.HandsetLoop").getDeclaredMethod("run"), "the loop the flag names");
        int unlock = phone.indexOf("-XX:+UnlockDiagnosticVMOptions");
        assertTrue(unlock >= 0 && unlock < phone.indexOf("-XX:AsyncDeflationInterval=5000"),
                "monitor deflation every 5 s, not 250 ms (a diagnostic flag: unlocked before it): " + phone);
        Path thp = Path.of("/sys/kernel/mm/transparent_hugepage");
        boolean hugePages = Files.isReadable(thp.resolve("enabled"))
                && Files.readString(thp.resolve("enabled")).matches("(?s).*\\[(always|madvise)\\].*")
                && Files.readString(thp.resolve("hpage_pmd_size")).trim().equals("2097152");
        assertEquals(hugePages, phone.contains("-XX:+UseTransparentHugePages"), phone);

        String command = launcherArgs(dir, "--socket", "/tmp/none.sock", "status");
        assertFalse(command.contains("CompileCommand") || command.contains("TransparentHugePages")
                || command.contains("SharedArchiveFile") || command.contains("AsyncDeflationInterval"), command);
        assertTrue(command.contains("--socket /tmp/none.sock status"), command);

        String help = launcherArgs(dir, "run", "--config", "x.cfg", "-h"); // Main prints its usage and starts nothing
        assertFalse(help.contains("CompileCommand") || help.contains("SharedArchiveFile"), help);
        // A usage error starts nothing either: a CDS archive written by its run would be kept in the phone's place.
        for (String[] wrong : List.of(new String[] {"--frobnicate"}, new String[] {"run", "--config"},
                new String[] {"--socket", "/tmp/none.sock", "frobnicate"})) {
            String usage = launcherArgs(dir, wrong);
            assertFalse(usage.contains("CompileCommand") || usage.contains("SharedArchiveFile"), usage);
        }
        String bare = launcherArgs(dir);
        assertTrue(bare.contains("SharedArchiveFile") && bare.contains(flag), "the phone with no arguments: " + bare);
        String socket = launcherArgs(dir, "--socket", "/tmp/phone.sock", "--hardware", "sim");
        assertTrue(socket.contains("SharedArchiveFile") && socket.contains(flag), "the phone on its own socket: " + socket);
    }

    @Test
    void configCheckRejectsABrokenFileWithItsLineNumbers(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.cfg");
        Files.writeString(f, "account.1.enable = 1\naccount.1.user_name = 1001\n");
        assertEquals(1, run("config", "check", f.toString()));
        assertTrue(err.toString().contains("bad.cfg:1: account.1.sip_server.1.address"), err.toString());
    }

    @Test
    void configCheckAcceptsTheSampleConfig() throws Exception {
        assertEquals(0, run("config", "check", "src/main/config/sipdesk.cfg"));
    }

    @Test
    void unknownArgumentsAreUsageErrors() throws Exception {
        assertEquals(2, run("--frobnicate"));
        assertTrue(err.toString().contains("unknown argument '--frobnicate'"));
    }

    @Test
    void aRejectedConfigLeavesThePhoneOnDefaults(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sipdesk.cfg");
        Files.write(f, new byte[] {0, 1, 2, 3});
        assertEquals(java.util.Optional.empty(), sipdesk.daemon.PhoneDaemon.loadConfig(f, "sim"));
    }

    @Test
    void theSimulatorRunsAScriptWithAStateDirectory(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("s.txt");
        Files.writeString(script, "expect Ready\npress DND\nexpect DND on\n");
        assertEquals(0, run("run", "--hardware", "sim", "--config", dir.resolve("none.cfg").toString(),
                "--state-dir", dir.resolve("state").toString(), "--script", script.toString()), err.toString());
        assertTrue(Files.readString(dir.resolve("state/state.txt")).contains("dnd"), "DND was saved");
    }
}
