package sipdesk.testing.peers;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Hand-written SIP over UDP from 127.0.0.1, for out-of-dialog requests a test wants to see answered. */
public final class RawSip {
    private RawSip() {}

    /** Sends a minimal {@code method} request to 127.0.0.1:port and returns the first non-1xx response. */
    public static String request(int port, String method, Duration timeout) throws IOException {
        return request("127.0.0.1", port, method, timeout);
    }

    /** The same from another loopback address ({@code 127.0.0.2}: a stranger to a proxy on 127.0.0.1). */
    public static String request(String from, int port, String method, Duration timeout) throws IOException {
        return request(from, port, method, "", "", timeout);
    }

    /** With extra header lines ({@code "Event: x\r\n"}) and a body (Content-Type among the headers). */
    public static String request(String from, int port, String method, String headers, String body, Duration timeout)
            throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName(from))) {
            String msg = method + " sip:1001@127.0.0.1:" + port + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP " + from + ":" + s.getLocalPort() + ";branch=z9hG4bKraw" + System.nanoTime() + "\r\n"
                    + "From: <sip:raw@127.0.0.1>;tag=raw\r\nTo: <sip:1001@127.0.0.1>\r\n"
                    + "Call-ID: raw" + System.nanoTime() + "\r\nCSeq: 1 " + method + "\r\n"
                    + "Contact: <sip:raw@" + from + ":" + s.getLocalPort() + ">\r\nMax-Forwards: 70\r\n" + headers
                    + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
            byte[] b = msg.getBytes(StandardCharsets.UTF_8);
            s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                int left = (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                s.setSoTimeout(left);
                DatagramPacket in = new DatagramPacket(new byte[8192], 8192);
                try {
                    s.receive(in);
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("no answer to " + method + " within " + timeout);
                }
                String text = new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8);
                if (!text.startsWith("SIP/2.0 1")) return text;
            }
        }
    }
    /**
     * Sends {@code message} as one datagram from 127.0.0.1 to 127.0.0.1:port, with {@code $VIA}
     * replaced by the sending socket's host:port and {@code $PORT} by {@code port}, and returns
     * every datagram that came back within {@code listen} (empty: the message was dropped).
     */
    public static List<String> exchange(int port, String message, Duration listen) throws IOException {
        return exchange(port, message.getBytes(StandardCharsets.ISO_8859_1), listen);
    }

    /** The same with raw bytes (placeholders are replaced in their ISO-8859-1 reading). */
    public static List<String> exchange(int port, byte[] message, Duration listen) throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            String text = new String(message, StandardCharsets.ISO_8859_1)
                    .replace("$VIA", "127.0.0.1:" + s.getLocalPort()).replace("$PORT", Integer.toString(port));
            byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
            s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
            List<String> answers = new ArrayList<>();
            long deadline = System.nanoTime() + listen.toNanos();
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) return answers;
                s.setSoTimeout((int) left);
                DatagramPacket in = new DatagramPacket(new byte[65536], 65536);
                try {
                    s.receive(in);
                } catch (SocketTimeoutException e) {
                    return answers;
                }
                answers.add(new String(in.getData(), 0, in.getLength(), StandardCharsets.ISO_8859_1));
            }
        }
    }

    /**
     * Writes {@code message} on a fresh TCP connection to 127.0.0.1:port and returns what came back
     * before the peer closed the connection or {@code listen} passed.
     */
    public static String tcpExchange(int port, byte[] message, Duration listen) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout((int) listen.toMillis());
            try {
                s.getOutputStream().write(message);
                s.getOutputStream().flush();
            } catch (IOException e) {
                return ""; // the peer shut the connection while we were still writing
            }
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = s.getInputStream().read(buf)) > 0; ) got.write(buf, 0, n);
            } catch (SocketTimeoutException e) {
                // nothing more within the window
            } catch (IOException e) {
                // reset by the peer
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
