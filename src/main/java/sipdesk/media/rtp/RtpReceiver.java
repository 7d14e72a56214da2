package sipdesk.media.rtp;

import java.net.InetSocketAddress;
import java.util.logging.Logger;
import sipdesk.media.jitter.Arrival;
import sipdesk.media.rtp.RtpSession.DtmfListener;

/**
 * What a session does with the peer's RTP: takes the voice of the agreed payload type into the
 * jitter buffer, reports RFC 4733 telephone events once each, and latches where the peer's packets
 * come from, which is where ours then go (symmetric RTP, RFC 4961).
 *
 * <p>Threads: {@link #received} runs on the device-clock thread ({@link PacketIntake}), the
 * only one that writes here; it takes the session's lock only to put into the jitter buffer and the
 * reception statistics. {@link RtpSession#apply} forgets the latch under that lock; the device-clock
 * thread and anyone asking for statistics read it.
 */
final class RtpReceiver implements ReceiveLoop.Handler {

    private static final Logger LOG = Logger.getLogger(RtpReceiver.class.getName());

    private final RtpSession session;
    private final Object lock;
    private final ReceptionStats reception;
    private final DtmfListener dtmfListener;

    private volatile InetSocketAddress latched;
    private long lastEventTimestamp = -1;
    private long lastEventSsrc = -1;
    private volatile long dtmfReceived;
    private long oddSizedPackets;

    RtpReceiver(RtpSession session, Object lock, ReceptionStats reception, DtmfListener dtmfListener) {
        this.session = session;
        this.lock = lock;
        this.reception = reception;
        this.dtmfListener = dtmfListener;
    }

    /** The source of the peer's latest packet of an agreed payload type, or null before the first. */
    InetSocketAddress latched() {
        return latched;
    }

    /** The peer moved (a new SDP address): wait for its packets again. Under the session's lock. */
    void forgetLatch() {
        latched = null;
    }

    long dtmfReceived() {
        return dtmfReceived;
    }

    @Override
    public void received(byte[] packet, int length, InetSocketAddress from, long nowNanos) {
        PlannedStream s = session.stream();
        int offset = RtpPacket.payloadOffset(packet, length);
        if (s == null || offset < 0) return;
        int payloadType = RtpPacket.payloadType(packet);
        boolean voice = payloadType == s.plan.payloadType();
        boolean event = s.plan.hasTelephoneEvents() && payloadType == s.plan.telephoneEventPayloadType();
        if (!voice && !event) return; // comfort noise and the like: the jitter buffer conceals
        InetSocketAddress current = latched;
        if (current == null || !current.equals(from)) latched = from;
        long packetSsrc = RtpPacket.ssrc(packet);
        int seq = RtpPacket.sequence(packet);
        long ts = RtpPacket.timestamp(packet);
        int payloadLength = RtpPacket.payloadLength(packet, length, offset);
        Arrival arrival = null;
        synchronized (lock) {
            reception.received(packetSsrc, seq, ts, nowNanos);
            if (voice) arrival = store(s, packet, packetSsrc, seq, ts, offset, payloadLength, nowNanos);
        }
        if (arrival == Arrival.STORED_AFTER_RESET) s.decoderReset = true;
        if (event && payloadLength >= TelephoneEvent.PAYLOAD_BYTES) onEvent(packet, packetSsrc, ts, offset);
    }

    /**
     * Puts a voice packet in the jitter buffer, one 20 ms frame per slot: a peer that ignores our
     * {@code a=ptime:20} and sends 40 or 60 ms packets has them split into frames (G.711 and G.722 are
     * byte-aligned per sample period). Other sizes (10 ms, or a truncated packet) are dropped and counted.
     */
    private Arrival store(PlannedStream s, byte[] packet, long packetSsrc, int seq, long ts, int offset,
            int payloadLength, long nowNanos) {
        if (payloadLength == s.frameBytes) {
            return s.jitter.put(packetSsrc, seq, ts, packet, offset, payloadLength, nowNanos);
        }
        if (payloadLength == 0 || payloadLength % s.frameBytes != 0) {
            if (oddSizedPackets++ == 0) {
                LOG.warning("RTP :" + session.localPort() + " packets of " + payloadLength
                        + " bytes, expected multiples of " + s.frameBytes + " (20 ms of " + s.plan.codec() + "): dropped");
            }
            return null;
        }
        Arrival first = null;
        for (int at = 0; at < payloadLength; at += s.frameBytes) {
            long frameTs = (ts + (long) at / s.frameBytes * s.frameTicks) & 0xFFFF_FFFFL;
            Arrival arrival = s.jitter.put(packetSsrc, seq, frameTs, packet, offset + at, s.frameBytes, nowNanos);
            if (first == null) first = arrival;
        }
        return first;
    }

    /** RFC 4733 section 2.5.2: all packets of one event share its timestamp; report it at the first seen. */
    private void onEvent(byte[] packet, long packetSsrc, long eventTimestamp, int offset) {
        if (eventTimestamp == lastEventTimestamp && packetSsrc == lastEventSsrc) return;
        lastEventTimestamp = eventTimestamp;
        lastEventSsrc = packetSsrc;
        char digit = TelephoneEvent.digit(TelephoneEvent.code(packet, offset));
        if (digit != 0) {
            dtmfReceived++;
            dtmfListener.received(digit);
        }
    }
}
