package sipdesk.testing.peers;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A port held bound (UDP and TCP on 127.0.0.1) until a peer is about to use it. For ports fixed
 * long before use (a proxy's static routes): other test runs on a shared machine cannot take it in
 * the meantime. {@link #release()} just before the peer starts, {@link #reacquire()} after it stopped.
 */
public final class PortReservation implements AutoCloseable {
    public final int port;
    private DatagramSocket udp;
    private ServerSocket tcp;

    private PortReservation(int port, DatagramSocket udp, ServerSocket tcp) {
        this.port = port;
        this.udp = udp;
        this.tcp = tcp;
    }

    public static PortReservation take() {
        for (int i = 0; i < 100; i++) {
            int port = FreePorts.udpAndTcp();
            PortReservation r = new PortReservation(port, null, null);
            if (r.bind()) return r;
        }
        throw new IllegalStateException("no port could be reserved");
    }

    private synchronized boolean bind() {
        try {
            ServerSocket t = new ServerSocket();
            t.setReuseAddress(false);
            t.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            DatagramSocket u = new DatagramSocket(null);
            u.setReuseAddress(false);
            try {
                u.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                t.close();
                u.close();
                return false;
            }
            tcp = t;
            udp = u;
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public synchronized void release() {
        try {
            if (tcp != null) tcp.close();
        } catch (IOException e) {
            // closing a listening socket: nothing to do
        }
        if (udp != null) udp.close();
        tcp = null;
        udp = null;
    }

    /** Binds again after the peer stopped; false if someone else took the port meanwhile. */
    public boolean reacquire() {
        return udp != null || bind();
    }

    @Override
    public void close() {
        release();
    }
}
