package sipdesk.sip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import sipdesk.core.CallId;

/**
 * The default SDP: one audio stream with PCMU (0), PCMA (8) and telephone-event (101), ptime 20, on
 * an even RTP port (RFC 3550 §11) found free at allocation time. Until the media package plugs in
 * its own {@link SessionDescriptions}, nothing listens on that port.
 */
final class G711SessionDescriptions implements SessionDescriptions {
    private static final int FIRST_PORT = 20000;
    private static final int LAST_PORT = 30000;

    private final String address;
    private final Map<CallId, Integer> ports = new HashMap<>();
    private final long sessionId = System.currentTimeMillis() / 1000;
    private int version;
    private int nextPort = FIRST_PORT + 2 * (int) (Math.random() * 1000);

    G711SessionDescriptions(String address) {
        this.address = address;
    }

    @Override
    public String offer(CallId call, Direction direction) {
        return sdp(port(call), direction);
    }

    @Override
    public String answer(CallId call, String remote) {
        return sdp(port(call), mirror(directionOf(remote)));
    }

    @Override
    public void remoteAnswer(CallId call, String remote) {}

    @Override
    public void release(CallId call) {
        ports.remove(call);
    }

    /** RFC 3264 §6.1: answer sendonly with recvonly and vice versa. */
    static Direction mirror(Direction remote) {
        return switch (remote) {
            case SENDONLY -> Direction.RECVONLY;
            case RECVONLY -> Direction.SENDONLY;
            case INACTIVE -> Direction.INACTIVE;
            case SENDRECV -> Direction.SENDRECV;
        };
    }

    /**
     * The direction in an SDP body. {@code c=IN IP4 0.0.0.0} is RFC 2543 hold (Yealink
     * {@code sip.rfc2543_hold=1}), usually sent with a=sendrecv or no attribute at all: the peer will
     * not receive, so a sendrecv becomes sendonly and a recvonly inactive (RFC 3264 §8.4).
     */
    static Direction directionOf(String sdp) {
        if (sdp == null) return Direction.SENDRECV;
        Direction found = Direction.SENDRECV;
        boolean noAddress = false;
        for (String line : sdp.split("\r?\n")) {
            String l = line.trim().toLowerCase(Locale.ROOT);
            switch (l) {
                case "a=sendonly" -> found = Direction.SENDONLY;
                case "a=recvonly" -> found = Direction.RECVONLY;
                case "a=inactive" -> found = Direction.INACTIVE;
                case "a=sendrecv" -> found = Direction.SENDRECV;
                default -> noAddress |= l.startsWith("c=in ip4 0.0.0.0");
            }
        }
        if (!noAddress) return found;
        return switch (found) {
            case SENDRECV, SENDONLY -> Direction.SENDONLY;
            case RECVONLY, INACTIVE -> Direction.INACTIVE;
        };
    }

    private int port(CallId call) {
        return ports.computeIfAbsent(call, c -> freeEvenPort());
    }

    private int freeEvenPort() {
        for (int tries = 0; tries < 500; tries++) {
            int candidate = nextPort;
            nextPort = candidate + 2 > LAST_PORT ? FIRST_PORT : candidate + 2;
            if (ports.containsValue(candidate)) continue;
            if (free(candidate) && free(candidate + 1)) return candidate;
        }
        throw new IllegalStateException("no free RTP port in " + FIRST_PORT + ".." + LAST_PORT);
    }

    private boolean free(int port) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String sdp(int port, Direction direction) {
        return "v=0\r\n"
                + "o=sipdesk " + sessionId + " " + (++version) + " IN IP4 " + address + "\r\n"
                + "s=sipdesk\r\n"
                + "c=IN IP4 " + address + "\r\n"
                + "t=0 0\r\n"
                + "m=audio " + port + " RTP/AVP 0 8 101\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-16\r\n"
                + "a=ptime:20\r\n"
                + direction.attribute() + "\r\n";
    }
}
