package sipdesk.media.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A session's RTCP on the odd port (RFC 3550 section 6): our report on a randomised schedule counted
 * in device frames, the peer's taken in for the round trip and its view of our stream, and a BYE
 * when the call ends. Reports go where the peer's RTCP comes from, else next to where its RTP comes
 * from, else to what SDP said.
 *
 * <p>Threads: {@link #frameEnded} is the device-clock thread's, with the report buffer and the
 * guessed address; {@link #received} runs on the RTCP receiver thread ({@link ReceiveLoop}), the only
 * writer of the latch besides {@link #forgetLatch} (under the session's lock); {@link #sendBye} runs
 * on the closing thread with a buffer of its own. {@link RtcpReports} is touched only under the
 * session's lock.
 */
final class RtcpChannel implements ReceiveLoop.Handler {

    private static final Logger LOG = Logger.getLogger(RtcpChannel.class.getName());

    private final RtpSession session;
    private final DatagramChannel channel;
    private final Object lock;
    private final RtcpReports reports;
    private final ReceptionStats reception;
    private final PacketSender sender;
    private final RtpReceiver rtp;
    private final int intervalMs;

    // The device-clock thread only.
    private final byte[] reportBytes = new byte[RtpSession.MAX_PACKET];
    private final ByteBuffer reportBuffer = ByteBuffer.wrap(reportBytes);
    private int framesToReport;
    private InetSocketAddress latchedGuess;

    // Written by the RTCP receiver thread.
    private volatile InetSocketAddress latched;

    RtcpChannel(RtpSession session, DatagramChannel channel, Object lock, RtcpReports reports,
            ReceptionStats reception, PacketSender sender, RtpReceiver rtp, int intervalMs) {
        this.session = session;
        this.channel = channel;
        this.lock = lock;
        this.reports = reports;
        this.reception = reception;
        this.sender = sender;
        this.rtp = rtp;
        this.intervalMs = intervalMs;
        this.framesToReport = nextReportFrames() / 2; // RFC 3550 6.2: the first report after half an interval
    }

    /** The peer moved (a new SDP address): wait for its RTCP again. Under the session's lock. */
    void forgetLatch() {
        latched = null;
    }

    /** One device frame has passed, sent or not; {@code timestamp} is where our RTP clock now stands. */
    void frameEnded(PlannedStream s, long timestamp) {
        if (--framesToReport <= 0) {
            framesToReport = nextReportFrames();
            sendReport(s, timestamp);
        }
    }

    private void sendReport(PlannedStream s, long timestamp) {
        int length;
        synchronized (lock) {
            length = reports.write(reportBytes, sender.sentSinceReport, System.currentTimeMillis(), System.nanoTime(),
                    timestamp, sender.packetsSent, sender.octetsSent, reception);
        }
        sender.sentSinceReport = false;
        if (nowhereToReport(s)) return;
        InetSocketAddress current = latched; // read once: a re-INVITE may clear it meanwhile
        InetSocketAddress target = current != null ? current : latchedGuess(s);
        reportBuffer.clear().limit(length);
        sender.send(channel, reportBuffer, target, session.closed());
    }

    /** Legacy hold or a rejected stream, and nothing heard from the peer: no address for RTCP. */
    private boolean nowhereToReport(PlannedStream s) {
        return latched == null && rtp.latched() == null && (s.plan.remoteOnLegacyHold() || s.plan.remotePort() == 0);
    }

    /** Before the peer's RTCP arrives: next to where its RTP comes from, else what SDP said. */
    private InetSocketAddress latchedGuess(PlannedStream s) {
        InetSocketAddress source = rtp.latched();
        if (source == null) return s.sdpRtcp;
        InetSocketAddress guess = latchedGuess;
        if (guess == null || !guess.getAddress().equals(source.getAddress()) || guess.getPort() != source.getPort() + 1) {
            guess = new InetSocketAddress(source.getAddress(), source.getPort() + 1);
            latchedGuess = guess;
        }
        return guess;
    }

    private int nextReportFrames() {
        int mean = intervalMs / RtpSession.FRAME_MS;
        return Math.max(1, mean / 2 + ThreadLocalRandom.current().nextInt(Math.max(1, mean)));
    }

    /** The peer's compound RTCP packet: latched as where ours go, read for the round trip and its view of us. */
    @Override
    public void received(byte[] packet, int length, InetSocketAddress from, long nowNanos) {
        InetSocketAddress current = latched;
        if (current == null || !current.equals(from)) latched = from;
        PlannedStream s = session.stream();
        synchronized (lock) {
            reports.read(packet, length, System.currentTimeMillis(), System.nanoTime(),
                    s == null ? 8000 : s.plan.clockRate());
        }
    }

    /** Tells the peer we are gone (from the closing thread, with a buffer of its own). */
    void sendBye(PlannedStream s) {
        if (nowhereToReport(s)) return;
        byte[] bye = new byte[128];
        int length;
        synchronized (lock) {
            length = reports.writeBye(bye);
        }
        InetSocketAddress current = latched;
        InetSocketAddress target = current != null ? current : latchedGuess(s);
        try {
            channel.send(ByteBuffer.wrap(bye, 0, length), target);
        } catch (IOException e) {
            LOG.log(Level.FINE, "RTCP BYE to " + target, e);
        }
    }
}
