package sipdesk.bench;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The phone's processing time as seen on the wire: reads a tcpdump capture of the phone's UDP port
 * on lo ({@code tcpdump -i lo --time-stamp-precision=nano -w FILE udp port PORT}) and, per Call-ID,
 * takes the first INVITE (CSeq 1) arriving at the phone and the first 180 and 200 (CSeq INVITE) the
 * phone sent. The kernel stamps each packet as it crosses lo, with one clock and nanosecond
 * precision, so the difference is the time from the INVITE reaching the phone's socket to the
 * answer leaving it: JAIN-SIP parsing, the event loop, the core, the reply, and any scheduling
 * delay on the way. Retransmissions are ignored (first copy wins).
 *
 * <p>Usage: {@code SipCapture PCAP PHONE_PORT LABEL [SKIP]}: SKIP first calls (by INVITE time) are
 * left out. Prints {@code LATENCY label what n median_ms p99_ms max_ms} lines and one
 * {@code FIRST label what ms} line for the first call, and {@code MISSING label what count}.
 */
public final class SipCapture {
    record Call(long inviteNs, long ringingNs, long okNs) {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: SipCapture PCAP PHONE_PORT LABEL [SKIP]");
            System.exit(2);
        }
        int phonePort = Integer.parseInt(args[1]);
        String label = args[2];
        int skip = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Map<String, long[]> byCallId = new LinkedHashMap<>(); // [invite, 180, 200, 100], 0 = not seen
        readPcap(Path.of(args[0]), (ns, srcPort, dstPort, sip) -> {
            String callId = header(sip, "Call-ID", "i");
            String cseq = header(sip, "CSeq", null);
            if (callId == null || cseq == null) return;
            long[] t = byCallId.computeIfAbsent(callId, k -> new long[4]);
            if (dstPort == phonePort && sip.startsWith("INVITE ") && cseq.matches("1\\s+INVITE") && t[0] == 0) t[0] = ns;
            if (srcPort == phonePort && cseq.endsWith("INVITE")) {
                if (sip.startsWith("SIP/2.0 100") && t[3] == 0) t[3] = ns;
                if (sip.startsWith("SIP/2.0 180") && t[1] == 0) t[1] = ns;
                if (sip.startsWith("SIP/2.0 200") && t[2] == 0) t[2] = ns;
            }
        });
        List<long[]> calls = new ArrayList<>(byCallId.values().stream().filter(t -> t[0] != 0).toList());
        calls.sort((a, b) -> Long.compare(a[0], b[0]));
        if (calls.isEmpty()) throw new IllegalStateException("no INVITE to port " + phonePort + " in " + args[0]);
        // IncomingCalls.offered sends 100 Trying before it posts the call to the core: the stack's share.
        report(label, "INVITE->100", calls, 3, skip);
        report(label, "INVITE->180", calls, 1, skip);
        report(label, "INVITE->200", calls, 2, skip);
    }

    private static void report(String label, String what, List<long[]> calls, int index, int skip) {
        long[] first = calls.get(0);
        if (first[index] != 0) System.out.printf("FIRST %s %s %.3f%n", label, what, (first[index] - first[0]) / 1e6);
        List<long[]> measured = calls.subList(Math.min(skip, calls.size()), calls.size());
        double[] ms = measured.stream().filter(t -> t[index] != 0).mapToDouble(t -> (t[index] - t[0]) / 1e6).sorted().toArray();
        long missing = measured.size() - ms.length;
        if (ms.length == 0) {
            System.out.printf("MISSING %s %s %d%n", label, what, missing);
            return;
        }
        System.out.printf("LATENCY %s %s %d %.3f %.3f %.3f%n", label, what, ms.length, median(ms), percentile(ms, 99), ms[ms.length - 1]);
        System.out.printf("MISSING %s %s %d%n", label, what, missing);
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Nearest-rank percentile: the smallest value with at least p % of the values at or below it. */
    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** A header's value (full or compact name), or null. */
    static String header(String sip, String name, String compact) {
        for (String line : sip.split("\r\n")) {
            if (line.isEmpty()) break;
            int colon = line.indexOf(':');
            if (colon <= 0) continue;
            String n = line.substring(0, colon).trim();
            if (n.equalsIgnoreCase(name) || (compact != null && n.equalsIgnoreCase(compact))) return line.substring(colon + 1).trim();
        }
        return null;
    }

    interface UdpSink {
        void packet(long ns, int srcPort, int dstPort, String payload);
    }

    /** libpcap file format (micro- or nanosecond magic), link types Ethernet (lo) and Linux cooked v1/v2. */
    static void readPcap(Path file, UdpSink sink) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            byte[] gh = in.readNBytes(24);
            if (gh.length < 24) throw new IOException(file + ": no pcap header (capture empty?)");
            ByteBuffer g = ByteBuffer.wrap(gh).order(ByteOrder.LITTLE_ENDIAN);
            int magic = g.getInt(0);
            ByteOrder order = ByteOrder.LITTLE_ENDIAN;
            if (magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1) {
                order = ByteOrder.BIG_ENDIAN;
                magic = Integer.reverseBytes(magic);
            }
            boolean nanos = switch (magic) {
                case 0xa1b2c3d4 -> false;
                case 0xa1b23c4d -> true;
                default -> throw new IOException(file + ": not a pcap file (magic " + Integer.toHexString(magic) + ")");
            };
            int linkType = ByteBuffer.wrap(gh).order(order).getInt(20);
            int linkHeader = switch (linkType) {
                case 1 -> 14;    // Ethernet: what Linux lo gives
                case 113 -> 16;  // Linux cooked v1 (-i any)
                case 276 -> 20;  // Linux cooked v2
                default -> throw new IOException(file + ": link type " + linkType + " not supported");
            };
            while (true) {
                byte[] rh = in.readNBytes(16);
                if (rh.length < 16) return;
                ByteBuffer r = ByteBuffer.wrap(rh).order(order);
                long sec = Integer.toUnsignedLong(r.getInt(0));
                long frac = Integer.toUnsignedLong(r.getInt(4));
                int caplen = r.getInt(8);
                byte[] data = in.readNBytes(caplen);
                if (data.length < caplen) return;
                long ns = sec * 1_000_000_000L + (nanos ? frac : frac * 1000);
                udp(data, linkHeader, ns, sink);
            }
        } catch (EOFException e) {
            // truncated last record: tcpdump was stopped while writing
        }
    }

    private static void udp(byte[] d, int off, long ns, UdpSink sink) {
        if (d.length < off + 28 || (d[off] >> 4) != 4 || d[off + 9] != 17) return; // IPv4 + UDP only
        int ihl = (d[off] & 0x0f) * 4;
        int u = off + ihl;
        int src = ((d[u] & 0xff) << 8) | (d[u + 1] & 0xff);
        int dst = ((d[u + 2] & 0xff) << 8) | (d[u + 3] & 0xff);
        int len = ((d[u + 4] & 0xff) << 8) | (d[u + 5] & 0xff);
        int payload = u + 8;
        int end = Math.min(d.length, u + len);
        if (end <= payload) return;
        sink.packet(ns, src, dst, new String(Arrays.copyOfRange(d, payload, end), StandardCharsets.ISO_8859_1));
    }
}
