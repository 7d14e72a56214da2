package sipdesk.testing.peers;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kamailio as registrar + record-routing proxy with digest auth, on a free port of 127.0.0.1.
 * Users and static routes (user -> host:port, for sipp peers) are fixed at start.
 * {@link #flow()} gives its "SIPDESK ..." log lines: one per request, forwarded request, reply.
 */
public final class Kamailio extends PeerProcess {
    public static final String DOMAIN = "sipdesk.test";
    private static final String MODULES = "/usr/lib/x86_64-linux-gnu/kamailio/modules/";

    public final int port;

    private Kamailio(List<String> cmd, Path dir, int port) throws IOException {
        super("kamailio", cmd, dir);
        this.port = port;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<String, String> users = new LinkedHashMap<>();
        private final Map<String, Integer> routes = new LinkedHashMap<>();
        private String algorithm;
        private int maxExpires = 3600;
        private int port;

        public Builder user(String name, String password) { users.put(name, password); return this; }
        /** Requests for {@code user} go to sipp/baresip at 127.0.0.1:port. */
        public Builder route(String user, int port) { routes.put(user, port); return this; }
        /** "SHA-256" for RFC 8760 digest (one algorithm per instance). */
        public Builder algorithm(String a) { algorithm = a; return this; }
        public Builder maxExpires(int s) { maxExpires = s; return this; }
        /** A fixed port (e.g. one a phone already knows as its server); default: a free one. */
        public Builder port(int p) { port = p; return this; }

        public Kamailio start(Path dir) throws IOException {
            int port = this.port > 0 ? this.port : FreePorts.udpAndTcp();
            String cfg;
            try (InputStream in = Kamailio.class.getResourceAsStream("/kamailio/kamailio.cfg")) {
                cfg = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            StringBuilder init = new StringBuilder();
            users.forEach((u, p) -> init.append("    $sht(users=>").append(u).append(") = \"").append(p).append("\";\n"));
            routes.forEach((u, p) -> init.append("    $sht(routes=>").append(u).append(") = \"sip:127.0.0.1:").append(p).append("\";\n"));
            cfg = cfg.replace("@@PORT@@", Integer.toString(port))
                    .replace("@@DOMAIN@@", DOMAIN)
                    .replace("@@MPATH@@", MODULES)
                    .replace("@@MAX_EXPIRES@@", Integer.toString(maxExpires))
                    .replace("@@AUTH_ALGORITHM@@", algorithm == null ? "" : "modparam(\"auth\", \"algorithm\", \"" + algorithm + "\")")
                    .replace("@@HTABLE_INIT@@", init.toString());
            Path file = dir.resolve("kamailio.cfg");
            Files.writeString(file, cfg);
            List<String> cmd = List.of("kamailio", "-f", file.toString(), "-DD", "-E", "-P", dir.resolve("kamailio.pid").toString(),
                    "-Y", dir.toString(), "-m", "64", "-M", "8", "-w", dir.toString());
            Kamailio k = new Kamailio(cmd, dir, port);
            try {
                k.awaitReady(k::answersOptions, Duration.ofSeconds(20));
            } catch (RuntimeException e) {
                k.close();
                throw e;
            }
            return k;
        }
    }

    /** Readiness: an OPTIONS to the proxy itself gets a 200. */
    private boolean answersOptions() {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(200);
            String msg = "OPTIONS sip:127.0.0.1:" + port + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + s.getLocalPort() + ";branch=z9hG4bKready" + System.nanoTime() + "\r\n"
                    + "From: <sip:probe@127.0.0.1>;tag=probe\r\nTo: <sip:127.0.0.1>\r\nCall-ID: probe" + System.nanoTime() + "\r\n"
                    + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
            byte[] b = msg.getBytes(StandardCharsets.US_ASCII);
            s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
            DatagramPacket in = new DatagramPacket(new byte[4096], 4096);
            s.receive(in);
            return new String(in.getData(), 0, in.getLength(), StandardCharsets.US_ASCII).startsWith("SIP/2.0 200");
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** The "SIPDESK ..." lines logged so far, without the prefix and the readiness probes. */
    public List<String> flow() {
        List<String> out = new ArrayList<>();
        for (String line : output().split("\n")) {
            int i = line.indexOf("SIPDESK ");
            if (i >= 0 && !line.contains("OPTIONS")) out.add(line.substring(i + 8).trim());
        }
        return out;
    }

    /** Waits (bounded) until a flow line containing every fragment appears; returns its index. */
    public int awaitFlow(Duration timeout, String... fragments) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> flow = flow();
            for (int i = 0; i < flow.size(); i++) {
                String l = flow.get(i);
                if (java.util.Arrays.stream(fragments).allMatch(l::contains)) return i;
            }
            if (System.nanoTime() > deadline) throw new AssertionError("no flow line with " + List.of(fragments) + " in\n" + String.join("\n", flow));
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
