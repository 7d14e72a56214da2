package sipdesk.media.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sending half of a session's sockets: one preallocated buffer for the packet being built, one
 * for a packet held back by a {@link SendImpairment}, counters for RTCP's sender report. Used only by
 * the device-clock thread (counters are read by others).
 */
final class PacketSender {

    private static final Logger LOG = Logger.getLogger(PacketSender.class.getName());

    final byte[] packet;
    private final byte[] held;
    private int heldLength;
    /**
     * What goes to the socket: a direct buffer, which the kernel reads in place. A heap buffer would
     * be copied by NIO into a thread-local direct one on every send, which costs more than the copy.
     */
    private final ByteBuffer wire;
    private final String label;
    private boolean holding;
    private InetSocketAddress heldTarget;
    private volatile SendImpairment impairment;
    volatile long packetsSent;
    volatile long octetsSent;
    private long errors;
    boolean sentSinceReport;

    PacketSender(int maxPacket, String label) {
        this.packet = new byte[maxPacket];
        this.held = new byte[maxPacket];
        this.wire = ByteBuffer.allocateDirect(maxPacket);
        this.label = label;
    }

    void impair(SendImpairment impairment) {
        this.impairment = impairment;
    }

    /** Sends the RTP packet of {@code length} bytes built in {@link #packet}. */
    void sendRtp(DatagramChannel channel, int length, int sequence, InetSocketAddress target, boolean closing) {
        packetsSent++;
        octetsSent += length - RtpPacket.HEADER_BYTES;
        sentSinceReport = true;
        SendImpairment damage = impairment;
        SendImpairment.Verdict verdict = damage == null ? SendImpairment.Verdict.SEND : damage.verdict(sequence);
        if (verdict == SendImpairment.Verdict.DROP) return;
        if (verdict == SendImpairment.Verdict.DELAY && !holding) {
            System.arraycopy(packet, 0, held, 0, length);
            heldLength = length;
            heldTarget = target;
            holding = true;
            return;
        }
        send(channel, wire.clear().put(packet, 0, length).flip(), target, closing);
        if (holding) {
            holding = false;
            send(channel, wire.clear().put(held, 0, heldLength).flip(), heldTarget, closing);
        }
    }

    /** Sends {@code buffer}; the first failure is logged, the rest only counted (a peer gone away). */
    void send(DatagramChannel channel, ByteBuffer buffer, InetSocketAddress target, boolean closing) {
        try {
            channel.send(buffer, target);
        } catch (IOException e) {
            if (errors++ == 0 && !closing) LOG.log(Level.WARNING, label + " cannot send to " + target, e);
        }
    }
}
