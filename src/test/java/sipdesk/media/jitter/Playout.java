package sipdesk.media.jitter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A synthetic trace run through a jitter buffer: packets sent every 20 ms of the sender's clock,
 * each with an arrival time the test chooses, and a playback device pulling a frame every 20 ms of
 * its own clock. Each payload carries its packet's index, so the test sees exactly what was played.
 */
final class Playout {

    static final long FRAME_NANOS = 20_000_000L;

    record Packet(long ssrc, int sequence, long timestamp, int index, long arrivalNanos) {
    }

    final List<Packet> packets = new ArrayList<>();
    /** Per get: the packet index played, or CONCEAL / SILENCE. */
    final List<Integer> played = new ArrayList<>();
    /** Per played packet: nanoseconds it waited in the buffer. */
    final List<Long> waits = new ArrayList<>();
    final List<Arrival> arrivals = new ArrayList<>();
    final JitterBuffer buffer = JitterBuffer.forTwentyMsFrames(8000, 160);

    /** Adds packet {@code index} of a stream that starts at {@code sequence0}/{@code timestamp0}. */
    Playout send(long ssrc, int sequence0, long timestamp0, int index, long arrivalNanos) {
        packets.add(new Packet(ssrc, (sequence0 + index) & 0xFFFF, (timestamp0 + 160L * index) & 0xFFFFFFFFL,
                index, arrivalNanos));
        return this;
    }

    /** Pulls a frame every {@code periodNanos} starting at {@code firstGetNanos}, until {@code endNanos}. */
    Playout run(long firstGetNanos, double periodNanos, long endNanos) {
        List<Packet> byArrival = new ArrayList<>(packets);
        byArrival.sort(Comparator.comparingLong(Packet::arrivalNanos));
        long[] arrivalOf = new long[packets.stream().mapToInt(Packet::index).max().orElse(0) + 1];
        int next = 0;
        byte[] payload = new byte[4];
        byte[] out = new byte[160];
        for (int get = 0; ; get++) {
            long now = firstGetNanos + Math.round(get * periodNanos);
            if (now > endNanos) {
                break;
            }
            while (next < byArrival.size() && byArrival.get(next).arrivalNanos() <= now) {
                Packet packet = byArrival.get(next++);
                writeIndex(payload, packet.index());
                arrivals.add(buffer.put(packet.ssrc(), packet.sequence(), packet.timestamp(), payload, 0, 4,
                        packet.arrivalNanos()));
                arrivalOf[packet.index()] = packet.arrivalNanos();
            }
            int length = buffer.get(out, 0);
            if (length >= 0) {
                int index = readIndex(out);
                played.add(index);
                waits.add(now - arrivalOf[index]);
            } else {
                played.add(length);
            }
        }
        return this;
    }

    long count(int result) {
        return played.stream().filter(p -> p == result).count();
    }

    long count(Arrival arrival) {
        return arrivals.stream().filter(a -> a == arrival).count();
    }

    List<Integer> playedPackets() {
        return played.stream().filter(p -> p >= 0).toList();
    }

    long maxWaitMs() {
        return waits.stream().mapToLong(Long::longValue).max().orElse(0) / 1_000_000;
    }

    private static void writeIndex(byte[] payload, int index) {
        payload[0] = (byte) (index >> 24);
        payload[1] = (byte) (index >> 16);
        payload[2] = (byte) (index >> 8);
        payload[3] = (byte) index;
    }

    private static int readIndex(byte[] out) {
        return ((out[0] & 0xFF) << 24) | ((out[1] & 0xFF) << 16) | ((out[2] & 0xFF) << 8) | (out[3] & 0xFF);
    }
}
