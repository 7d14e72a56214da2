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
