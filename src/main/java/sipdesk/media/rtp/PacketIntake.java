package sipdesk.media.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The RTP socket's datagrams, taken in by the device-clock thread at the start of each frame rather
 * than by a thread of their own (see {@link ArrivalTimes} for why, and how each keeps its arrival
 * time). The socket is non-blocking: each frame reads what waits, at most {@link #MOST_PER_FRAME}
 * datagrams, so a flood cannot hold the handset's audio up; the rest waits in the socket for the
 * next frames (the kernel drops what overflows its buffer). Any datagram tells the
 * {@link SilenceWatch} the peer is still there, then goes to the {@link ReceiveLoop.Handler} in the
 * one buffer reused for every packet.
 */
final class PacketIntake {

    private static final Logger LOG = Logger.getLogger(PacketIntake.class.getName());
    /** Five times what a peer sending 20 ms packets sends in a frame: bursts after a network stall pass. */
    static final int MOST_PER_FRAME = 5 * 2;

    private final RtpSession session;
    private final DatagramChannel channel;
    private final ArrivalTimes arrivals;
    private final SilenceWatch silence;
    private final ReceiveLoop.Handler handler;
    private final String label;
    private final byte[] packet = new byte[RtpSession.MAX_PACKET];
    /** Read into in place by the kernel (a heap buffer would cost NIO a thread-local direct one per read). */
    private final ByteBuffer wire = ByteBuffer.allocateDirect(RtpSession.MAX_PACKET);
    private long failures;

    PacketIntake(RtpSession session, DatagramChannel channel, SilenceWatch silence, String label,
            ReceiveLoop.Handler handler) throws IOException {
        channel.configureBlocking(false);
        this.session = session;
        this.channel = channel;
        this.arrivals = ArrivalTimes.of(channel);
        this.silence = silence;
        this.label = label;
        this.handler = handler;
    }

    /** Reads what waits in the socket now; returns how many datagrams. */
    int takeIn() {
        long frameNanos = System.nanoTime();
        arrivals.startFrame(frameNanos);
        int taken = 0;
        while (taken < MOST_PER_FRAME) {
            try {
                wire.clear();
                InetSocketAddress from = (InetSocketAddress) channel.receive(wire);
                if (from == null) break;
                taken++;
                silence.heard(frameNanos);
                int length = wire.position();
                wire.flip().get(packet, 0, length);
                handler.received(packet, length, from, arrivals.lastDatagram());
            } catch (ClosedChannelException e) {
                break;
            } catch (IOException | RuntimeException e) {
                // An ICMP error (the peer's port closed) surfaces here once; the next read goes on.
                if (!session.closed() && failures++ % 1000 == 0) LOG.log(Level.WARNING, label + " receive failed", e);
                break;
            }
        }
        return taken;
    }
}
