package sipdesk.testing.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * baresip as a headless second phone on a free port of 127.0.0.1: G.711, audio looped through
 * aubridge (no sound card needed), one account, optional start-up commands ({@code /dial ...}).
 * Ready when it says so; {@link #awaitOutput} waits for what it logs about calls.
 */
public final class Baresip extends PeerProcess {
    public final int port;

    private Baresip(List<String> cmd, Path dir, int port) throws IOException {
        super("baresip", cmd, dir);
        this.port = port;
    }

    /**
     * @param accountLine e.g. {@code <sip:1005@127.0.0.1:5060>;auth_pass=secret;answermode=auto}
     * @param commands    run once started, e.g. {@code /dial sip:1001@...}
     */
    public static Baresip start(Path dir, String accountLine, List<String> commands) throws IOException {
        int port = FreePorts.udpAndTcp();
        Path conf = Files.createDirectories(dir.resolve("baresip-" + port));
        Files.writeString(conf.resolve("config"), String.join("\n",
                "module_path /usr/lib/baresip/modules",
                "sip_listen 127.0.0.1:" + port,
                "sip_transports udp",
                "net_interface 127.0.0.1",
                "audio_source aubridge,loop",
                "audio_player aubridge,loop",
                "audio_alert aubridge,loop",
                "rtp_ports 30000-30100",
                "module g711.so",
                "module aubridge.so",
                "module_app account.so",
                "module_app menu.so",
                ""));
        Files.writeString(conf.resolve("accounts"), accountLine + "\n");
        List<String> cmd = new ArrayList<>(List.of("baresip", "-4", "-f", conf.toString()));
        for (String c : commands) {
            cmd.add("-e");
            cmd.add(c);
        }
        Baresip b = new Baresip(cmd, conf, port);
        try {
            b.awaitReady(() -> b.output().contains("baresip is ready"), Duration.ofSeconds(15));
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
        return b;
    }

    /** Waits (bounded) until baresip has logged {@code text}. */
    public void awaitOutput(String text, Duration timeout) {
        awaitReady(() -> output().contains(text), timeout);
    }
}
