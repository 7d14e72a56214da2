package sipdesk.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import sipdesk.testing.peers.FreePorts;

/** The configured port range and DTMF timing ({@code network.port.*_rtpport}, {@code features.dtmf.*}) on the wire. */
class RtpSettingsTest {

    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    @Test
    void portPairsCountEvenRtpPortsWithTheirOddRtcpPort() {
        assertEquals(500, RtpSettings.portPairs(11780, 12780));
        assertEquals(1, RtpSettings.portPairs(20001, 20003)); // 20002 + 20003
        assertEquals(0, RtpSettings.portPairs(20001, 20002)); // 20002 has no 20003
        assertEquals(2, RtpSettings.portPairs(20000, 20003));
        assertThrows(IllegalArgumentException.class, () -> RtpSettings.on(LO).withPorts(20001, 20002));
        assertThrows(IllegalArgumentException.class, () -> RtpSettings.on(LO).withPorts(1000, 2000));
    }

    @Test
    void sessionsTakeEvenPortsInsideTheRangeUntilItIsFull() throws IOException {
        int base = FreePorts.mediaBlock(); // base..base+3 free
        RtpSettings settings = RtpSettings.on(LO).withPorts(base - 1, base + 3); // pairs at base and base+2
        List<RtpSession> open = new ArrayList<>();
        try {
            Set<Integer> ports = new TreeSet<>();
            for (int i = 0; i < 2; i++) {
                RtpSession s = RtpSession.open(settings, d -> { });
                open.add(s);
                ports.add(s.localPort());
            }
            assertEquals(Set.of(base, base + 2), ports);
            BindException full = assertThrows(BindException.class, () -> open.add(RtpSession.open(settings, d -> { })));
            assertTrue(full.getMessage().contains((base - 1) + ".." + (base + 3)), full.getMessage());
        } finally {
            for (RtpSession s : open) s.close();
        }
    }

    @Test
    void digitLastsTheConfiguredTimeAndItsEndPacketIsRepeatedAsConfigured() throws IOException {
        assertEquals(List.of(false, false, false, false, false, false, false, false, false, false, true),
                endFlagsOfOneDigit(200, 1));
        assertEquals(List.of(false, false, false, false, false, true, true, true), endFlagsOfOneDigit(100, 3));
    }

    /** The end flags of the telephone-event packets one digit puts on the wire, and checks their duration field. */
    private static List<Boolean> endFlagsOfOneDigit(int durationMs, int repetitions) throws IOException {
        try (RtpSession a = RtpSession.open(RtpSettings.on(LO).withDtmf(durationMs, repetitions), d -> { });
             DatagramChannel peer = DatagramChannel.open()) {
            peer.bind(new InetSocketAddress(LO, 0));
            a.apply(LoopbackPair.plan("PCMU", 0, ((InetSocketAddress) peer.getLocalAddress()).getPort()));
            assertTrue(a.sendDtmf('5'));
            short[] silence = new short[160];
            int frames = durationMs / 20 + repetitions + 3;
            for (int i = 0; i < frames; i++) a.sendFrame(silence, 0);
            List<Boolean> ends = new ArrayList<>();
            ByteBuffer buffer = ByteBuffer.allocate(1500);
            for (int i = 0; i < frames; i++) {
                buffer.clear();
                peer.receive(buffer);
                byte[] p = buffer.array();
                if (RtpPacket.payloadType(p) != 101) continue;
                int at = RtpPacket.HEADER_BYTES;
                assertEquals(5, TelephoneEvent.code(p, at));
                boolean end = TelephoneEvent.end(p, at);
                if (end) assertEquals(durationMs * 8, RtpPacket.getShort(p, at + 2), "duration of the end packet in 8 kHz ticks");
                ends.add(end);
            }
            return ends;
        }
    }
}
