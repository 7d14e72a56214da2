package sipdesk.testing.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * baresip as a headless second phone on a free port of 127.0.0.1: one account, audio as {@link Audio}
 * says (by default G.711 looped through aubridge, no sound card needed), a control socket, optional
 * start-up commands ({@code /dial ...}).
 * Ready when it says so; {@link #awaitOutput} waits for what it logs about calls.
 */
public final class Baresip extends PeerProcess {
    public final int port;
    private final int controlPort;

    private Baresip(List<String> cmd, Path dir, int port, int controlPort) throws IOException {
        super("baresip", cmd, dir);
        this.port = port;
        this.controlPort = controlPort;
    }

    /**
     * @param accountLine e.g. {@code <sip:1005@127.0.0.1:5060>;auth_pass=secret;answermode=auto}
     * @param commands    run once started, e.g. {@code /dial sip:1001@...}
     */
    public static Baresip start(Path dir, String accountLine, List<String> commands) throws IOException {
        return start(dir, accountLine, commands, Audio.LOOPED);
    }

    /**
     * What baresip hears and says: its audio source and player, the codec modules it loads, and
     * (optionally) the {@code sndfile} module recording each call's decoded and encoded streams to
     * {@code dump-<time>-dec.wav} (what it received) and {@code -enc.wav} (what it sent) under a
     * directory. A control socket ({@code ctrl_tcp}) is opened for {@link #command}.
     */
    public record Audio(List<String> lines, List<String> codecModules, Optional<Path> recordings) {
        /** G.711 only, audio looped through aubridge (no sound card needed). */
        public static final Audio LOOPED = new Audio(List.of("audio_source aubridge,loop",
                "audio_player aubridge,loop", "audio_alert aubridge,loop", "module aubridge.so"),
                List.of("g711.so"), Optional.empty());

        /**
         * A sine of {@code hz} as the microphone (ausine runs at 48 kHz stereo only: PEERS.md), every
         * call recorded under {@code recordings}, with the codec modules given (e.g. g722.so).
         */
        public static Audio sine(int hz, Path recordings, String... codecModules) {
            return new Audio(List.of("audio_source ausine," + hz, "audio_player aubridge,loop",
                    "audio_alert aubridge,loop", "ausrc_srate 48000", "ausrc_channels 2",
                    "auplay_srate 48000", "auplay_channels 1", "module ausine.so", "module aubridge.so",
                    "module sndfile.so", "snd_path " + recordings),
                    List.of(codecModules), Optional.of(recordings));
        }
    }

    public static Baresip start(Path dir, String accountLine, List<String> commands, Audio audio) throws IOException {
        int port = FreePorts.udpAndTcp();
        int controlPort = FreePorts.udpAndTcp();
        Path conf = Files.createDirectories(dir.resolve("baresip-" + port));
        if (audio.recordings().isPresent()) Files.createDirectories(audio.recordings().get());
        List<String> lines = new ArrayList<>(List.of(
                "module_path /usr/lib/baresip/modules",
                "sip_listen 127.0.0.1:" + port,
                "sip_transports udp",
                "net_interface 127.0.0.1",
                "rtp_ports 30000-30100",
                "ctrl_tcp_listen 127.0.0.1:" + controlPort));
        lines.addAll(audio.lines());
        audio.codecModules().forEach(m -> lines.add("module " + m));
        lines.addAll(List.of("module_app account.so", "module_app menu.so", "module_app ctrl_tcp.so", ""));
        Files.writeString(conf.resolve("config"), String.join("\n", lines));
        Files.writeString(conf.resolve("accounts"), accountLine + "\n");
        List<String> cmd = new ArrayList<>(List.of("baresip", "-4", "-f", conf.toString()));
        for (String c : commands) {
            cmd.add("-e");
            cmd.add(c);
        }
        Baresip b = new Baresip(cmd, conf, port, controlPort);
        try {
            b.awaitReady(() -> b.output().contains("baresip is ready"), Duration.ofSeconds(15));
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
        return b;
    }

    /**
     * Runs a command through the control socket (netstring JSON), e.g. {@code command("sndcode",
     * "123")} to send DTMF in the current call; returns baresip's raw response.
     */
    public String command(String command, String params) throws IOException {
        String json = "{\"command\":\"" + command + "\",\"params\":\"" + params + "\",\"token\":\"t\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", controlPort), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.write(',');
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder response = new StringBuilder();
            int length = 0;
            for (int c = in.read(); c != ':'; c = in.read()) {
                if (c < 0) throw new IOException("baresip closed the control socket");
                length = length * 10 + (c - '0');
            }
            byte[] reply = in.readNBytes(length);
            response.append(new String(reply, StandardCharsets.UTF_8));
            return response.toString();
        }
    }

    /** Waits (bounded) until baresip has logged {@code text}. */
    public void awaitOutput(String text, Duration timeout) {
        awaitReady(() -> output().contains(text), timeout);
    }
}
