package sipdesk.testing.peers;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Ports free for both UDP and TCP on 127.0.0.1, never handed out twice in one JVM. */
public final class FreePorts {
    private static final Set<Integer> GIVEN = new HashSet<>();

    private FreePorts() {}

    public static synchronized int udpAndTcp() {
        for (int i = 0; i < 2000; i++) {
            int port = ThreadLocalRandom.current().nextInt(15000, 19999);
            if (GIVEN.contains(port) || !free(port)) continue;
            GIVEN.add(port);
            return port;
        }
        throw new IllegalStateException("no free port");
    }

    /**
     * The base of four free consecutive UDP ports (sipp binds audio RTP at base, video at base+2,
     * RTCP at +1/+3), from a range apart from the SIP ports so they never meet.
     */
    public static synchronized int mediaBlock() {
        for (int i = 0; i < 2000; i++) {
            // 10000..14996, even: below the SIP ports and outside the kernel's ephemeral range
            int base = 2 * ThreadLocalRandom.current().nextInt(5000, 7499);
            boolean ok = true;
            for (int p = base; p < base + 4 && ok; p++) ok = !GIVEN.contains(p) && !udpBound(p);
            if (!ok) continue;
            for (int p = base; p < base + 4; p++) GIVEN.add(p);
            return base;
        }
        throw new IllegalStateException("no free media ports");
    }

    public static boolean free(int port) {
        try (ServerSocket tcp = new ServerSocket();
             DatagramSocket udp = new DatagramSocket(null)) {
            tcp.setReuseAddress(false);
            tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            udp.setReuseAddress(false);
            udp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when something has bound the UDP port (a peer is listening). */
    public static boolean udpBound(int port) {
        try (DatagramSocket udp = new DatagramSocket(null)) {
            udp.setReuseAddress(false);
            udp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
