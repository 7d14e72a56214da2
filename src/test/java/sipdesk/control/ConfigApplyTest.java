package sipdesk.control;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.testing.RunningPhone;
import sipdesk.testing.peers.Baresip;
import sipdesk.testing.peers.FreePorts;
import sipdesk.testing.peers.Kamailio;

/** config apply and reload against a running daemon registered at a real kamailio. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfigApplyTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    static Kamailio kamailio;
    static RunningPhone phone;
    static Path socket;
    static Path installed;
    static int sipPort;

    static String config(String password, String label) {
        return """
                account.1.enable = 1
                account.1.label = %s
                account.1.user_name = 1001
                account.1.password = %s
                account.1.sip_server.1.address = 127.0.0.1
                account.1.sip_server.1.port = %d
                account.1.sip_server.1.expires = 300
                account.1.reg_fail_retry_interval = 1
                sipdesk.sip.local_address = 127.0.0.1
                sipdesk.sip.local_port = %d
                """.formatted(label, password, kamailio.port, sipPort);
    }

    @BeforeAll
    static void start() throws Exception {
        kamailio = Kamailio.builder().user("1001", "right").user("1005", "secret5").start(dir);
        sipPort = FreePorts.udpAndTcp();
        installed = dir.resolve("etc/sipdesk.cfg");
        Files.createDirectories(installed.getParent());
        Files.writeString(installed, config("right", "Desk A"));
        Files.setPosixFilePermissions(installed, PosixFilePermissions.fromString("rw-r-----"));
        phone = RunningPhone.start(installed, dir, "sip");
        socket = phone.socket;
        awaitStatus("registration: registered");
    }

    @AfterAll
    static void stop() {
        if (phone != null) phone.close();
        if (kamailio != null) kamailio.close();
    }

    private record Result(int code, String out, String err) {}

    private static Result apply(String content, int timeoutSeconds) throws Exception {
        Path file = Files.createTempFile(dir, "new", ".cfg");
        Files.writeString(file, content);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = ConfigApplyCommand.run(List.of(file.toString(), "--target", installed.toString(), "--socket",
                socket.toString(), "--timeout", Integer.toString(timeoutSeconds)), installed, socket,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String cli(String... words) {
        return phone.cli(words);
    }

    private static String awaitStatus(String text) throws InterruptedException {
        return phone.awaitStatus(text);
    }

    @Test
    @Order(1)
    void aBrokenFileIsRefusedAndNothingIsInstalled() throws Exception {
        String before = Files.readString(installed);
        Result r = apply("account.1.enable = 1\naccount.1.user_name = 1001\n", 5);
        assertEquals(1, r.code());
        assertTrue(r.err().contains(":1: account.1.sip_server.1.address"), r.err());
        assertTrue(r.err().contains("rejected, nothing installed"), r.err());
        assertEquals(before, Files.readString(installed));
    }

    @Test
    @Order(2)
    void credentialsTheRegistrarRefusesAreRolledBack() throws Exception {
        String before = Files.readString(installed);
        Result r = apply(config("wrong", "Desk B"), 6);
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("did not register within 6 s"), r.err());
        assertTrue(r.err().contains("rolled back"), r.err());
        assertEquals(before, Files.readString(installed));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(installed)));
        awaitStatus("registration: registered");
    }

    @Test
    @Order(3)
    void aGoodFileIsAppliedAndRegisters() throws Exception {
        Result r = apply(config("right", "Desk C"), 15);
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("applied: registration: registered"), r.out());
        assertTrue(Files.readString(installed).contains("Desk C"));
        assertTrue(Files.readString(dir.resolve("etc/sipdesk.cfg.previous")).contains("Desk A"));
    }

    @Test
    @Order(4)
    void reloadWithABrokenFileKeepsTheRunningConfig() throws Exception {
        String good = Files.readString(installed);
        Files.write(installed, new byte[] {0, 0, 0});
        try {
            String r = cli("reload");
            assertTrue(r.startsWith("1 "), r);
            assertTrue(r.contains("rejected, the running configuration stays"), r);
            assertTrue(cli("status").contains("registration: registered"));
        } finally {
            Files.writeString(installed, good);
        }
    }

    @Test
    @Order(5)
    void aReloadThatKeepsTheAccountDoesNotDropTheCall() throws Exception {
        String account = "<sip:1005@127.0.0.1:" + kamailio.port + ">;auth_pass=secret5;regint=600;answermode=auto";
        try (Baresip far = Baresip.start(dir, account, List.of())) {
            far.awaitOutput("200 OK", WAIT);
            assertTrue(cli("dial", "1005").startsWith("0 "));
            awaitStatus("state: Connected");
            Files.writeString(installed, Files.readString(installed).replace("Desk C", "Desk D"));
            assertTrue(cli("reload").startsWith("0 "));
            String s = cli("status");
            assertTrue(s.contains("state: Connected"), s);
            assertFalse(far.output().contains("session closed"), "the far end saw no BYE");
            assertTrue(cli("hangup").startsWith("0 "));
            far.awaitOutput("session closed", WAIT);
        }
    }
}
