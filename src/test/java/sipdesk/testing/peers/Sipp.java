package sipdesk.testing.peers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sipp run of a scenario from src/test/resources/sipp, on a free port of 127.0.0.1, with every
 * message it sent and received kept in {@link #messages()}. A UAS is ready once its port is bound;
 * a UAC starts sending at once. {@code -m 1}: it exits after one call (0 = the scenario passed).
 */
public final class Sipp extends PeerProcess {
    public final int port;
    private final Path messageFile;
    private PortReservation reservation;

    private Sipp(List<String> cmd, Path dir, int port, Path messageFile) throws IOException {
        super("sipp-" + port, cmd, dir);
        this.port = port;
        this.messageFile = messageFile;
    }

    /** A UAS waiting for one call. */
    public static Sipp uas(Path dir, String scenario, Map<String, String> vars) throws IOException {
        return uas(dir, scenario, FreePorts.udpAndTcp(), vars);
    }

    /** A UAS waiting for one call on {@code port} (one a proxy routes to, taken from {@link FreePorts}). */
    public static Sipp uas(Path dir, String scenario, int port, Map<String, String> vars) throws IOException {
        Sipp s = start(dir, scenario, port, vars, null);
        try {
            s.awaitReady(() -> FreePorts.udpBound(s.port), Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** A UAS on a port reserved long before (a proxy routes to it); the reservation is taken back on close. */
    public static Sipp uas(Path dir, String scenario, PortReservation port, Map<String, String> vars) throws IOException {
        port.release();
        Sipp s;
        try {
            s = uas(dir, scenario, port.port, vars);
        } catch (IOException | RuntimeException e) {
            port.reacquire();
            throw e;
        }
        s.reservation = port;
        return s;
    }

    @Override
    public void close() {
        super.close();
        if (reservation != null) reservation.reacquire();
    }

    /** A UAC making one call to {@code remote} (host:port), e.g. through kamailio. */
    public static Sipp uac(Path dir, String scenario, String remote, String service, Map<String, String> vars) throws IOException {
        Map<String, String> v = new LinkedHashMap<>(vars);
        return start(dir, scenario, FreePorts.udpAndTcp(), v, List.of(remote, "-s", service));
    }

    private static Sipp start(Path dir, String scenario, int port, Map<String, String> vars, List<String> extra) throws IOException {
        Path sub = Files.createDirectories(dir.resolve("sipp-" + port + "-" + System.nanoTime()));
        Path scenarioFile = sub.resolve(scenario);
        try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + scenario)) {
            if (in == null) throw new IOException("no scenario " + scenario);
            Files.copy(in, scenarioFile);
        }
        Path messages = sub.resolve("messages.log");
        List<String> cmd = new ArrayList<>(List.of("sipp", "-sf", scenarioFile.toString(), "-i", "127.0.0.1",
                "-p", Integer.toString(port), "-m", "1", "-timeout", "30s", "-nostdin",
                "-trace_msg", "-message_file", messages.toString(), "-trace_err", "-error_file", sub.resolve("errors.log").toString(),
                "-mp", Integer.toString(FreePorts.mediaBlock())));
        vars.forEach((k, v) -> {
            cmd.add("-set");
            cmd.add(k);
            cmd.add(v);
        });
        if (extra != null) cmd.addAll(extra);
        return new Sipp(cmd, sub, port, messages);
    }

    /** Every message sipp sent and received, as logged by -trace_msg. */
    public String messages() {
        try {
            return Files.exists(messageFile) ? Files.readString(messageFile) : "";
        } catch (IOException e) {
            return "<" + e + ">";
        }
    }

    @Override
    public String output() {
        return super.output() + "\n--- messages ---\n" + messages();
    }
}
