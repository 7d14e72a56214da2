package sipdesk.media.rtp;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import sipdesk.media.codec.AudioCodec;
import sipdesk.media.codec.Codecs;
import sipdesk.media.jitter.Arrival;
import sipdesk.media.jitter.JitterBuffer;
import sipdesk.media.jitter.TimeScaler;
import sipdesk.media.sdp.MediaPlan;

/**
 * One call's RTP stream and its RTCP (RFC 3550), on two UDP sockets bound to an even port and the
 * next one (section 11).
 *
 * <p>Threads: the device-clock thread calls {@link #sendFrame} and {@link #receiveFrame} once per 20
 * ms frame; a receiver thread per socket takes packets into the jitter buffer and RTCP state; the SIP
 * adapter's thread calls {@link #apply} when offer/answer changes the plan; any thread may call
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
    private static final int MAX_PACKET = 1500;
    private static final int FRAME_MS = 20;

    /** Tells what DTMF digit the peer sent (once per RFC 4733 event); called on the receiver thread. */
    @FunctionalInterface
    public interface DtmfListener {
        void received(char digit);
    }

    /** What the current plan needs on the audio path, replaced as a whole when the plan changes. */
    private static final class Stream {
        final MediaPlan plan;
        final AudioCodec codec;
        final JitterBuffer jitter;
        /** Makes the jitter buffer's adjustments on the decoded audio; the playback thread's only. */
        final TimeScaler scaler;
        final int frameSamples;
        final int frameTicks;
        final int frameBytes;
        final InetSocketAddress sdpRtp;
        final InetSocketAddress sdpRtcp;
        volatile boolean decoderReset;

        Stream(MediaPlan plan, AudioCodec codec, JitterBuffer jitter, TimeScaler scaler) {
            this.plan = plan;
            this.codec = codec;
            this.jitter = jitter;
            this.scaler = scaler;
            this.frameSamples = codec.samplesPerFrame();
            this.frameTicks = codec.rtpTicks(frameSamples);
            this.frameBytes = codec.payloadBytes(frameSamples);
            this.sdpRtp = new InetSocketAddress(plan.remoteAddress(), plan.remotePort());
            this.sdpRtcp = new InetSocketAddress(plan.remoteAddress(), plan.remotePort() + 1);
        }

        boolean sends() {
            return plan.direction().sends() && !plan.remoteOnLegacyHold() && plan.remotePort() != 0;
        }
    }

    private final DatagramChannel rtp;
    private final DatagramChannel rtcp;
    private final int localPort;
    private final long ssrc;
    private final RtpSettings settings;
    private final DtmfListener dtmfListener;
    private final Object lock = new Object();
    private volatile Stream stream;
    private volatile boolean closed;

    // Sender: the device-clock thread only.
    private final PacketSender sender;
    private final byte[] rtcpBytes = new byte[MAX_PACKET];
    private final ByteBuffer rtcpBuffer = ByteBuffer.wrap(rtcpBytes);
    private final byte[] played = new byte[MAX_PACKET];
    private final DtmfSender dtmf;
    private int sequence;
    private long timestamp;
    private boolean talkspurt = true;
    private int framesToReport;

    // Receivers.
    private final byte[] receiveBytes = new byte[MAX_PACKET];
    private final ByteBuffer receiveBuffer = ByteBuffer.wrap(receiveBytes);
    private final byte[] rtcpInBytes = new byte[MAX_PACKET];
    private final ByteBuffer rtcpInBuffer = ByteBuffer.wrap(rtcpInBytes);
    private volatile InetSocketAddress latchedRtp;
    private volatile InetSocketAddress latchedRtcp;
    private InetSocketAddress latchedRtcpGuess;
    private long lastEventTimestamp = -1;
    private long lastEventSsrc = -1;
    private final ReceptionStats reception = new ReceptionStats();
    private final SilenceWatch silence = new SilenceWatch();
    private final RtcpReports reports;
    private volatile long dtmfReceived;
    private long oddSizedPackets;

    private RtpSession(DatagramChannel rtp, DatagramChannel rtcp, RtpSettings settings, DtmfListener dtmfListener) {
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.localPort = ((InetSocketAddress) localAddress(rtp)).getPort();
        this.settings = settings;
        this.dtmfListener = dtmfListener;
        SecureRandom random = new SecureRandom();
        this.ssrc = random.nextInt() & 0xFFFF_FFFFL;
        this.sequence = random.nextInt(1 << 16);
        this.timestamp = random.nextInt() & 0xFFFF_FFFFL;
        this.dtmf = new DtmfSender(settings.dtmfDurationMs(), settings.dtmfEndRepetitions());
        this.sender = new PacketSender(MAX_PACKET, "RTP :" + localPort);
        this.reports = new RtcpReports(ssrc, "sipdesk-" + Long.toHexString(ssrc) + "@" + settings.bindAddress().getHostAddress());
        this.framesToReport = nextReportFrames() / 2; // RFC 3550 6.2: the first report after half an interval
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
            session.startReceivers();
            return session;
        }
        throw new BindException("no free RTP port pair in " + settings.minPort() + ".." + settings.maxPort());
    }

    private void startReceivers() {
        Thread.ofPlatform().daemon().name("rtp-rx-" + localPort).start(this::receiveRtp);
        Thread.ofPlatform().daemon().name("rtcp-rx-" + (localPort + 1)).start(this::receiveRtcp);
    }

    public int localPort() {
        return localPort;
    }

    public long ssrc() {
        return ssrc;
    }

    /** The current plan, or null before the first {@link #apply}. */
    public MediaPlan plan() {
        Stream s = stream;
        return s == null ? null : s.plan;
    }

    /**
     * Takes a new plan (the first answer, or a re-INVITE that moved the peer, changed the codec or
     * held the call). A new codec gets a fresh codec instance and jitter buffer; a new remote address
     * forgets the symmetric-RTP latch.
     */
    public void apply(MediaPlan plan) {
        Stream old = stream;
        if (old != null && old.plan.equals(plan)) return;
        boolean sameCodec = old != null && old.plan.codec().equals(plan.codec());
        AudioCodec codec = sameCodec ? old.codec : Codecs.create(plan.codec())
                .orElseThrow(() -> new IllegalArgumentException("no codec " + plan.codec()));
        JitterBuffer jitter = sameCodec ? old.jitter
                : JitterBuffer.forTimeScaledPlayout(codec.clockRate(), codec.payloadBytes(codec.samplesPerFrame()));
        TimeScaler scaler = sameCodec ? old.scaler : new TimeScaler(codec.sampleRate(), codec.samplesPerFrame());
        Stream next = new Stream(plan, codec, jitter, scaler);
        synchronized (lock) {
            if (old == null || !old.sdpRtp.equals(next.sdpRtp)) {
                latchedRtp = null;
                latchedRtcp = null;
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
        Stream s = stream;
        if (s == null || !s.plan.hasTelephoneEvents()) return false;
        return dtmf.enqueue(digit);
    }

    /** Samples per 20 ms frame at the codec's rate (what {@link #sendFrame} and {@link #receiveFrame} use). */
    public int frameSamples() {
        Stream s = stream;
        return s == null ? 0 : s.frameSamples;
    }

    public int sampleRate() {
        Stream s = stream;
        return s == null ? 0 : s.codec.sampleRate();
    }

    // --- the device-clock thread ----------------------------------------------------------------

    /** Sends one 20 ms frame of {@link #frameSamples()} samples at {@link #sampleRate()} (or a DTMF packet instead). */
    public void sendFrame(short[] pcm, int offset) {
        Stream s = stream;
        if (s == null) return;
        long frameTimestamp = timestamp;
        timestamp = (timestamp + s.frameTicks) & 0xFFFF_FFFFL;
        if (s.sends()) {
            InetSocketAddress target = latchedRtp != null ? latchedRtp : s.sdpRtp;
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
        if (--framesToReport <= 0) {
            framesToReport = nextReportFrames();
            sendReport(s);
        }
    }

    /**
     * A frame in which this call sends nothing (it is not on the handset): the timestamp moves on,
     * RTCP keeps its schedule, and the next packet starts a talkspurt.
     */
    public void skipFrame() {
        Stream s = stream;
        if (s == null) return;
        timestamp = (timestamp + s.frameTicks) & 0xFFFF_FFFFL;
        talkspurt = true;
        if (--framesToReport <= 0) {
            framesToReport = nextReportFrames();
            sendReport(s);
        }
    }

    private void sendReport(Stream s) {
        int length;
        synchronized (lock) {
            length = reports.write(rtcpBytes, sender.sentSinceReport, System.currentTimeMillis(), System.nanoTime(),
                    timestamp, sender.packetsSent, sender.octetsSent, reception);
        }
        sender.sentSinceReport = false;
        if (nowhereToReport(s)) return;
        InetSocketAddress target = latchedRtcp != null ? latchedRtcp : latchedRtcpGuess(s);
        rtcpBuffer.clear().limit(length);
        sender.send(rtcp, rtcpBuffer, target, closed);
    }

    /** Legacy hold or a rejected stream, and nothing heard from the peer: no address for RTCP. */
    private boolean nowhereToReport(Stream s) {
        return latchedRtcp == null && latchedRtp == null && (s.plan.remoteOnLegacyHold() || s.plan.remotePort() == 0);
    }

    /** Before the peer's RTCP arrives: next to where its RTP comes from, else what SDP said. */
    private InetSocketAddress latchedRtcpGuess(Stream s) {
        InetSocketAddress source = latchedRtp;
        if (source == null) return s.sdpRtcp;
        InetSocketAddress guess = latchedRtcpGuess;
        if (guess == null || !guess.getAddress().equals(source.getAddress()) || guess.getPort() != source.getPort() + 1) {
            guess = new InetSocketAddress(source.getAddress(), source.getPort() + 1);
            latchedRtcpGuess = guess;
        }
        return guess;
    }

    private int nextReportFrames() {
        int mean = settings.rtcpIntervalMs() / FRAME_MS;
        return Math.max(1, mean / 2 + ThreadLocalRandom.current().nextInt(Math.max(1, mean)));
    }

    /**
     * Writes the next 20 ms of what the peer says, at {@link #sampleRate()}: decoded, concealed, or
     * silence (nothing yet, a long gap, or the plan says we do not receive). Returns the samples written.
     * Frames pass through the stream's {@link TimeScaler}, which makes the jitter buffer's adjustments
     * a pitch period at a time: some periods take two frames from the buffer, some none.
     */
    public int receiveFrame(short[] out, int offset) {
        Stream s = stream;
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

    /** One frame from the jitter buffer's answer ({@code length} bytes in {@link #played}, or CONCEAL/SILENCE). */
    private void decodeNext(Stream s, int length, short[] out, int offset) {
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

    // --- receiver threads -----------------------------------------------------------------------

    private void receiveRtp() {
        while (!closed) {
            try {
                receiveBuffer.clear();
                SocketAddress from = rtp.receive(receiveBuffer);
                onRtp((InetSocketAddress) from, receiveBuffer.position(), System.nanoTime());
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (!closed) LOG.log(Level.WARNING, "RTP :" + localPort + " receive failed", e);
            }
        }
    }

    private void onRtp(InetSocketAddress from, int length, long nowNanos) {
        silence.heard(nowNanos);
        Stream s = stream;
        int offset = RtpPacket.payloadOffset(receiveBytes, length);
        if (s == null || offset < 0) return;
        int payloadType = RtpPacket.payloadType(receiveBytes);
        boolean voice = payloadType == s.plan.payloadType();
        boolean event = s.plan.hasTelephoneEvents() && payloadType == s.plan.telephoneEventPayloadType();
        if (!voice && !event) return; // comfort noise and the like: the jitter buffer conceals
        InetSocketAddress latched = latchedRtp;
        if (latched == null || !latched.equals(from)) latchedRtp = from;
        long packetSsrc = RtpPacket.ssrc(receiveBytes);
        int seq = RtpPacket.sequence(receiveBytes);
        long ts = RtpPacket.timestamp(receiveBytes);
        int payloadLength = RtpPacket.payloadLength(receiveBytes, length, offset);
        Arrival arrival = null;
        synchronized (lock) {
            reception.received(packetSsrc, seq, ts, nowNanos);
            if (voice) arrival = store(s, packetSsrc, seq, ts, offset, payloadLength, nowNanos);
        }
        if (arrival == Arrival.STORED_AFTER_RESET) s.decoderReset = true;
        if (event && payloadLength >= TelephoneEvent.PAYLOAD_BYTES) onEvent(packetSsrc, ts, offset);
    }

    /**
     * Puts a voice packet in the jitter buffer, one 20 ms frame per slot: a peer that ignores our
     * {@code a=ptime:20} and sends 40 or 60 ms packets has them split into frames (G.711 and G.722 are
     * byte-aligned per sample period). Other sizes (10 ms, or a truncated packet) are dropped and counted.
     */
    private Arrival store(Stream s, long packetSsrc, int seq, long ts, int offset, int payloadLength, long nowNanos) {
        if (payloadLength == s.frameBytes) {
            return s.jitter.put(packetSsrc, seq, ts, receiveBytes, offset, payloadLength, nowNanos);
        }
        if (payloadLength == 0 || payloadLength % s.frameBytes != 0) {
            if (oddSizedPackets++ == 0) {
                LOG.warning("RTP :" + localPort + " packets of " + payloadLength + " bytes, expected multiples of "
                        + s.frameBytes + " (20 ms of " + s.plan.codec() + "): dropped");
            }
            return null;
        }
        Arrival first = null;
        for (int at = 0; at < payloadLength; at += s.frameBytes) {
            long frameTs = (ts + (long) at / s.frameBytes * s.frameTicks) & 0xFFFF_FFFFL;
            Arrival arrival = s.jitter.put(packetSsrc, seq, frameTs, receiveBytes, offset + at, s.frameBytes, nowNanos);
            if (first == null) first = arrival;
        }
        return first;
    }

    /** RFC 4733 section 2.5.2: all packets of one event share its timestamp; report it at the first seen. */
    private void onEvent(long packetSsrc, long eventTimestamp, int offset) {
        if (eventTimestamp == lastEventTimestamp && packetSsrc == lastEventSsrc) return;
        lastEventTimestamp = eventTimestamp;
        lastEventSsrc = packetSsrc;
        char digit = TelephoneEvent.digit(TelephoneEvent.code(receiveBytes, offset));
        if (digit != 0) {
            dtmfReceived++;
            dtmfListener.received(digit);
        }
    }

    private void receiveRtcp() {
        while (!closed) {
            try {
                rtcpInBuffer.clear();
                InetSocketAddress from = (InetSocketAddress) rtcp.receive(rtcpInBuffer);
                silence.heard(System.nanoTime());
                InetSocketAddress latched = latchedRtcp;
                if (latched == null || !latched.equals(from)) latchedRtcp = from;
                Stream s = stream;
                synchronized (lock) {
                    reports.read(rtcpInBytes, rtcpInBuffer.position(), System.currentTimeMillis(), System.nanoTime(),
                            s == null ? 8000 : s.plan.clockRate());
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (!closed) LOG.log(Level.WARNING, "RTCP :" + (localPort + 1) + " receive failed", e);
            }
        }
    }

    // --- statistics -----------------------------------------------------------------------------

    /** How long the peer has sent nothing, RTP or RTCP, though the plan has it send; 0 when it need not send. */
    public long silentMillis(long nowNanos) {
        return silence.silentMillis(nowNanos);
    }

    public CallStats stats() {
        Stream s = stream;
        synchronized (lock) {
            long expected = reception.expected();
            long lost = Math.max(0, reception.lost());
            double lossPercent = expected > 0 ? 100.0 * lost / expected : 0;
            double rtt = reports.rttMs;
            int bufferMs = s == null ? 0 : s.jitter.targetDelayMs();
            double oneWay = (rtt > 0 ? rtt / 2 : 0) + bufferMs + FRAME_MS;
            InetSocketAddress peer = latchedRtp != null ? latchedRtp : s == null ? null : s.sdpRtp;
            return new CallStats(s == null ? "-" : s.plan.codec(), String.valueOf(peer), sender.packetsSent,
                    reception.received(), lost, lossPercent, reception.jitterMs(),
                    reports.remoteFractionLost < 0 ? -1 : reports.remoteFractionLost * 100, reports.remoteJitterMs,
                    rtt, EModel.mos(oneWay, lossPercent));
        }
    }

    /** DTMF events reported so far (for diagnostics). */
    public long dtmfReceived() {
        return dtmfReceived;
    }

    /** Where we send now: the latched source of the peer's packets, else the SDP address. */
    public InetSocketAddress sendTarget() {
        Stream s = stream;
        InetSocketAddress latched = latchedRtp;
        return latched != null ? latched : s == null ? null : s.sdpRtp;
    }

    @Override
    public void close() {
        if (closed) return;
        sendBye();
        closed = true;
        try {
            rtp.close();
            rtcp.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing RTP :" + localPort, e);
        }
        if (stream != null) LOG.info(() -> "call media ended: " + stats());
    }

    /** Tells the peer we are gone (from the closing thread, with a buffer of its own). */
    private void sendBye() {
        Stream s = stream;
        if (s == null || nowhereToReport(s)) return;
        byte[] bye = new byte[128];
        int length;
        synchronized (lock) {
            length = reports.writeBye(bye);
        }
        InetSocketAddress target = latchedRtcp != null ? latchedRtcp : latchedRtp != null
                ? new InetSocketAddress(latchedRtp.getAddress(), latchedRtp.getPort() + 1) : s.sdpRtcp;
        try {
            rtcp.send(ByteBuffer.wrap(bye, 0, length), target);
        } catch (IOException e) {
            LOG.log(Level.FINE, "RTCP BYE to " + target, e);
        }
    }

    private static SocketAddress localAddress(DatagramChannel channel) {
        try {
            return channel.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
