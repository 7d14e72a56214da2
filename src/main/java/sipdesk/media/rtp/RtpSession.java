package sipdesk.media.rtp;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import sipdesk.media.codec.AudioCodec;
import sipdesk.media.codec.Codecs;
import sipdesk.media.jitter.JitterBuffer;
import sipdesk.media.jitter.TimeScaler;
import sipdesk.media.sdp.MediaPlan;

/**
 * One call's RTP stream and its RTCP (RFC 3550), on two UDP sockets bound to an even port and the
 * next one (section 11).
 *
 * <p>Threads: the device-clock thread calls {@link #sendFrame} and {@link #receiveFrame} once per 20
 * ms frame, and {@link #receiveFrame} first takes in the RTP that arrived since ({@link PacketIntake}:
 * into the jitter buffer through {@link RtpReceiver}); a receiver thread waits on the RTCP socket
 * ({@link RtcpChannel}, a packet every few seconds); the SIP adapter's thread calls {@link #apply} when
 * offer/answer changes the plan; any thread may call
 * {@link #sendDtmf} and {@link #stats}. Shared state sits behind one small lock, held only to copy a
 * frame in or out.
 *
 * <p>Sending: SSRC, first sequence number and first timestamp are random (section 5.1); the marker
 * bit starts each talkspurt (after silence, hold or DTMF); the timestamp advances every frame even
 * when nothing is sent. Symmetric RTP (RFC 4961): once the peer's packets arrive, ours go to where
 * they come from, which gets through NATs the SDP address does not describe.
 *
 * <p>Receiving: sequence wrap, duplicates and reordering are the jitter buffer's job; a new SSRC
 * restarts the buffer and the statistics; RFC 4733 events are reported once per event.
 */
public final class RtpSession implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RtpSession.class.getName());
    static final int MAX_PACKET = 1500;
    static final int FRAME_MS = 20;

    /** Tells what DTMF digit the peer sent (once per RFC 4733 event); called on the device-clock thread. */
    @FunctionalInterface
    public interface DtmfListener {
        void received(char digit);
    }

    private final DatagramChannel rtp;
    private final DatagramChannel rtcp;
    private final int localPort;
    private final long ssrc;
    private final Object lock = new Object();
    private volatile PlannedStream stream;
    private volatile boolean closed;

    // Sender: the device-clock thread only.
    private final PacketSender sender;
    private final byte[] played = new byte[MAX_PACKET];
    private final DtmfSender dtmf;
    private int sequence;
    private long timestamp;
    private boolean talkspurt = true;

    // Shared with the receivers.
    private final ReceptionStats reception = new ReceptionStats();
    private final SilenceWatch silence = new SilenceWatch();
    private final RtcpReports reports;
    private final RtpReceiver receiver;
    private final RtcpChannel control;
    private PacketIntake intake;

    private RtpSession(DatagramChannel rtp, DatagramChannel rtcp, RtpSettings settings, DtmfListener dtmfListener) {
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.localPort = ((InetSocketAddress) localAddress(rtp)).getPort();
        SecureRandom random = new SecureRandom();
        this.ssrc = random.nextInt() & 0xFFFF_FFFFL;
        this.sequence = random.nextInt(1 << 16);
        this.timestamp = random.nextInt() & 0xFFFF_FFFFL;
        this.dtmf = new DtmfSender(settings.dtmfDurationMs(), settings.dtmfEndRepetitions());
        this.sender = new PacketSender(MAX_PACKET, "RTP :" + localPort);
        this.reports = new RtcpReports(ssrc, "sipdesk-" + Long.toHexString(ssrc) + "@" + settings.bindAddress().getHostAddress());
        this.receiver = new RtpReceiver(this, lock, reception, dtmfListener);
        this.control = new RtcpChannel(this, rtcp, lock, reports, reception, sender, receiver, settings.rtcpIntervalMs());
    }

    /** Binds a free even port and the next one in the configured range and starts the receivers. */
    public static RtpSession open(RtpSettings settings, DtmfListener dtmfListener) throws IOException {
        Objects.requireNonNull(dtmfListener, "dtmfListener");
        StandardProtocolFamily family = settings.bindAddress() instanceof Inet4Address
                ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
        int pairs = settings.portPairs();
        int first = ThreadLocalRandom.current().nextInt(pairs);
        for (int i = 0; i < pairs; i++) {
            int port = settings.firstRtpPort() + 2 * ((first + i) % pairs);
            DatagramChannel rtp = DatagramChannel.open(family);
            DatagramChannel rtcp = DatagramChannel.open(family);
            try {
                rtp.bind(new InetSocketAddress(settings.bindAddress(), port));
                rtcp.bind(new InetSocketAddress(settings.bindAddress(), port + 1));
            } catch (BindException taken) {
                rtp.close();
                rtcp.close();
                continue;
            }
            RtpSession session = new RtpSession(rtp, rtcp, settings, dtmfListener);
            try {
                session.startReceivers();
            } catch (IOException | RuntimeException e) {
                session.close();
                throw e;
            }
            return session;
        }
        throw new BindException("no free RTP port pair in " + settings.minPort() + ".." + settings.maxPort());
    }

    private void startReceivers() throws IOException {
        intake = new PacketIntake(this::closed, rtp, silence, "RTP :" + localPort, receiver);
        Thread.ofPlatform().daemon().name("rtcp-rx-" + (localPort + 1))
                .start(new ReceiveLoop(this, rtcp, silence, "RTCP :" + (localPort + 1), control));
    }

    public int localPort() {
        return localPort;
    }

    public long ssrc() {
        return ssrc;
    }

    /** The current plan, or null before the first {@link #apply}. */
    public MediaPlan plan() {
        PlannedStream s = stream;
        return s == null ? null : s.plan;
    }

    /**
     * Takes a new plan (the first answer, or a re-INVITE that moved the peer, changed the codec or
     * held the call). A new codec gets a fresh codec instance and jitter buffer; a new remote address
     * forgets the symmetric-RTP latch.
     */
    public void apply(MediaPlan plan) {
        PlannedStream old = stream;
        if (old != null && old.plan.equals(plan)) return;
        boolean sameCodec = old != null && old.plan.codec().equals(plan.codec());
        AudioCodec codec = sameCodec ? old.codec : Codecs.create(plan.codec())
                .orElseThrow(() -> new IllegalArgumentException("no codec " + plan.codec()));
        JitterBuffer jitter = sameCodec ? old.jitter
                : JitterBuffer.forTimeScaledPlayout(codec.clockRate(), codec.payloadBytes(codec.samplesPerFrame()));
        TimeScaler scaler = sameCodec ? old.scaler : new TimeScaler(codec.sampleRate(), codec.samplesPerFrame());
        PlannedStream next = new PlannedStream(plan, codec, jitter, scaler);
        synchronized (lock) {
            if (old == null || !old.sdpRtp.equals(next.sdpRtp)) {
                receiver.forgetLatch();
                control.forgetLatch();
            }
            reception.clockRate(plan.clockRate());
            stream = next;
        }
        silence.plan(plan, System.nanoTime());
        LOG.fine(() -> "RTP :" + localPort + " plan " + plan);
    }

    public void impair(SendImpairment impairment) {
        sender.impair(impairment);
    }

    /** Queues an RFC 4733 digit; false when no telephone-event was agreed or it is not a DTMF key. */
    public boolean sendDtmf(char digit) {
        PlannedStream s = stream;
        if (s == null || !s.plan.hasTelephoneEvents()) return false;
        return dtmf.enqueue(digit);
    }

    /** Samples per 20 ms frame at the codec's rate (what {@link #sendFrame} and {@link #receiveFrame} use). */
    public int frameSamples() {
        PlannedStream s = stream;
        return s == null ? 0 : s.frameSamples;
    }

    public int sampleRate() {
        PlannedStream s = stream;
        return s == null ? 0 : s.codec.sampleRate();
    }

    // --- the device-clock thread ----------------------------------------------------------------

    /** Sends one 20 ms frame of {@link #frameSamples()} samples at {@link #sampleRate()} (or a DTMF packet instead). */
    public void sendFrame(short[] pcm, int offset) {
        PlannedStream s = stream;
        if (s == null) return;
        long frameTimestamp = timestamp;
        timestamp = (timestamp + s.frameTicks) & 0xFFFF_FFFFL;
        if (s.sends()) {
            InetSocketAddress latched = receiver.latched(); // read once: a re-INVITE may clear it meanwhile
            InetSocketAddress target = latched != null ? latched : s.sdpRtp;
            int length = s.plan.hasTelephoneEvents()
                    ? dtmf.next(frameTimestamp, s.frameTicks, sender.packet, RtpPacket.HEADER_BYTES) : 0;
            if (length > 0) {
                RtpPacket.writeHeader(sender.packet, dtmf.marker(), s.plan.telephoneEventPayloadType(), sequence,
                        dtmf.eventTimestamp(), ssrc);
                talkspurt = true;
            } else {
                length = s.codec.encode(pcm, offset, s.frameSamples, sender.packet, RtpPacket.HEADER_BYTES);
                RtpPacket.writeHeader(sender.packet, talkspurt, s.plan.payloadType(), sequence, frameTimestamp, ssrc);
                talkspurt = false;
            }
            sender.sendRtp(rtp, RtpPacket.HEADER_BYTES + length, sequence, target, closed);
            sequence = (sequence + 1) & 0xFFFF;
        } else {
            talkspurt = true;
        }
        control.frameEnded(s, timestamp);
    }

    /**
     * A frame in which this call sends nothing (it is not on the handset): the timestamp moves on,
     * RTCP keeps its schedule, and the next packet starts a talkspurt.
     */
    public void skipFrame() {
        PlannedStream s = stream;
        if (s == null) return;
        timestamp = (timestamp + s.frameTicks) & 0xFFFF_FFFFL;
        talkspurt = true;
        control.frameEnded(s, timestamp);
    }

    /**
     * Writes the next 20 ms of what the peer says, at {@link #sampleRate()}: decoded, concealed, or
     * silence (nothing yet, a long gap, or the plan says we do not receive). Returns the samples written.
     * Frames pass through the stream's {@link TimeScaler}, which makes the jitter buffer's adjustments
     * a pitch period at a time: some periods take two frames from the buffer, some none.
     */
    public int receiveFrame(short[] out, int offset) {
        receivePackets();
        PlannedStream s = stream;
        if (s == null) return 0;
        TimeScaler scaler = s.scaler;
        while (scaler.needsFrame()) {
            int length;
            int adjustment;
            synchronized (lock) {
                length = s.jitter.get(played, 0, System.nanoTime());
                adjustment = s.jitter.takeAdjustment();
            }
            decodeNext(s, length, scaler.input(), scaler.inputOffset());
            scaler.appended(adjustment);
        }
        scaler.read(out, offset);
        return s.frameSamples;
    }

    /**
     * Takes in the RTP that arrived since the last frame (RFC 4733 digits are reported now); done by
     * {@link #receiveFrame}, and to be called each frame while the call has no plan to receive with.
     */
    public void receivePackets() {
        intake.takeIn();
    }

    /** One frame from the jitter buffer's answer ({@code length} bytes in {@link #played}, or CONCEAL/SILENCE). */
    private void decodeNext(PlannedStream s, int length, short[] out, int offset) {
        if (s.decoderReset) {
            s.decoderReset = false;
            s.codec.reset();
        }
        if (!s.plan.direction().receives()) {
            Arrays.fill(out, offset, offset + s.frameSamples, (short) 0);
        } else if (length >= 0) {
            s.codec.decode(played, 0, length, out, offset);
        } else if (length == JitterBuffer.CONCEAL) {
            s.codec.conceal(out, offset, s.frameSamples);
        } else {
            Arrays.fill(out, offset, offset + s.frameSamples, (short) 0);
        }
    }

    // --- statistics -----------------------------------------------------------------------------

    /** How long the peer has sent nothing, RTP or RTCP, though the plan has it send; 0 when it need not send. */
    public long silentMillis(long nowNanos) {
        return silence.silentMillis(nowNanos);
    }

    public CallStats stats() {
        PlannedStream s = stream;
        synchronized (lock) {
            long expected = reception.expected();
            long lost = Math.max(0, reception.lost());
            double lossPercent = expected > 0 ? 100.0 * lost / expected : 0;
            double rtt = reports.rttMs;
            int bufferMs = s == null ? 0 : s.jitter.targetDelayMs();
            double oneWay = (rtt > 0 ? rtt / 2 : 0) + bufferMs + FRAME_MS;
            InetSocketAddress peer = sendTarget();
            return new CallStats(s == null ? "-" : s.plan.codec(), String.valueOf(peer), sender.packetsSent,
                    reception.received(), lost, lossPercent, reception.jitterMs(),
                    reports.remoteFractionLost < 0 ? -1 : reports.remoteFractionLost * 100, reports.remoteJitterMs,
                    rtt, EModel.mos(oneWay, lossPercent));
        }
    }

    /** DTMF events reported so far (for diagnostics). */
    public long dtmfReceived() {
        return receiver.dtmfReceived();
    }

    /** Where we send now: the latched source of the peer's packets, else the SDP address. */
    public InetSocketAddress sendTarget() {
        PlannedStream s = stream;
        InetSocketAddress latched = receiver.latched();
        return latched != null ? latched : s == null ? null : s.sdpRtp;
    }

    @Override
    public void close() {
        if (closed) return;
        PlannedStream s = stream;
        if (s != null) control.sendBye(s);
        closed = true;
        try (DatagramChannel rtcpChannel = rtcp; DatagramChannel rtpChannel = rtp) {
            if (intake != null) intake.close(); // after a read in progress: it reads the socket's descriptor
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing RTP :" + localPort, e);
        }
        if (stream != null) LOG.info(() -> "call media ended: " + stats());
    }

    /** The current plan's stream, or null before the first {@link #apply}; for the receivers. */
    PlannedStream stream() {
        return stream;
    }

    boolean closed() {
        return closed;
    }

    private static SocketAddress localAddress(DatagramChannel channel) {
        try {
            return channel.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
