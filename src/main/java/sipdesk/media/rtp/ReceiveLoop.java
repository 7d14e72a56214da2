package sipdesk.media.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The RTCP receiver thread's loop on its socket, until the session closes (RTP is taken in by the
 * device-clock thread instead, {@link PacketIntake}): any datagram
 * at all tells the {@link SilenceWatch} the peer is still there, then goes to the socket's
 * {@link Handler} in the one buffer the loop reuses for every packet.
 */
final class ReceiveLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(ReceiveLoop.class.getName());

    /** What one socket does with each datagram; called on one thread only (its receiver, or the device clock's). */
    interface Handler {
        /** {@code length} bytes in {@code packet}, valid until this returns. */
        void received(byte[] packet, int length, InetSocketAddress from, long nowNanos);
    }

    private final RtpSession session;
    private final DatagramChannel channel;
    private final SilenceWatch silence;
    private final String label;
    private final Handler handler;
    private final byte[] packet = new byte[RtpSession.MAX_PACKET];
    private final ByteBuffer buffer = ByteBuffer.wrap(packet);

    ReceiveLoop(RtpSession session, DatagramChannel channel, SilenceWatch silence, String label, Handler handler) {
        this.session = session;
        this.channel = channel;
        this.silence = silence;
        this.label = label;
        this.handler = handler;
    }

    @Override
    public void run() {
        while (!session.closed()) {
            try {
                buffer.clear();
                InetSocketAddress from = (InetSocketAddress) channel.receive(buffer);
                long nowNanos = System.nanoTime();
                silence.heard(nowNanos);
                handler.received(packet, buffer.position(), from, nowNanos);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (!session.closed()) LOG.log(Level.WARNING, label + " receive failed", e);
            }
        }
    }
}
