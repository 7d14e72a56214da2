package sipdesk.bench;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Prints N distinct ports of 127.0.0.1 free for both UDP and TCP right now, from 20000..29999 (away
 * from the test suite's 10000..19999, so a bench and `mvn test` can run side by side), one a line.
 * Even ports with the next three free too, so each can serve as sipp's -mp base (audio and video RTP + RTCP).
 */
public final class FreePorts {
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        Set<Integer> ports = new LinkedHashSet<>();
        for (int tries = 0; ports.size() < n && tries < 5000; tries++) {
            int p = 2 * ThreadLocalRandom.current().nextInt(10000, 14999);
            if (!ports.contains(p) && free(p) && free(p + 1) && free(p + 2) && free(p + 3)) ports.add(p);
        }
        if (ports.size() < n) throw new IllegalStateException("only " + ports.size() + " free ports found");
        ports.forEach(System.out::println);
    }

    static boolean free(int port) {
        try (ServerSocket tcp = new ServerSocket(); DatagramSocket udp = new DatagramSocket(null)) {
            tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            udp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
