package sipdesk.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import sipdesk.sip.SipAccount.SipServer;

class DialTargetsTest {
    private final SipAccount account = SipAccount.builder().user("1001").domain("pbx.example")
            .server1(SipServer.udp("10.0.0.1", 5060)).build();
    private final SipAccount ipDirect = SipAccount.builder().enabled(false).build();

    @Test
    void digitsGoToTheAccountDomain() {
        assertEquals(Optional.of("sip:2002@pbx.example"), DialTargets.toUri("2002", account));
    }

    @Test
    void starredIpBecomesAnIpUriWithOptionalPort() {
        assertEquals(Optional.of("sip:127.0.0.1"), DialTargets.toUri("127*0*0*1", ipDirect));
        assertEquals(Optional.of("sip:192.168.1.20:5062"), DialTargets.toUri("192*168*1*20#5062", ipDirect));
        assertEquals(Optional.of("sip:192.168.1.20:5062"), DialTargets.toUri("192*168*1*20*5062", account));
    }

    @Test
    void uriPassesAsIs() {
        assertEquals(Optional.of("sip:bob@example.org;transport=tcp"), DialTargets.toUri("sip:bob@example.org;transport=tcp", ipDirect));
        assertEquals(Optional.of("sip:bob@example.org"), DialTargets.toUri("bob@example.org", ipDirect));
    }

    @Test
    void digitsWithoutAccountCannotBeDialled() {
        assertEquals(Optional.empty(), DialTargets.toUri("2002", ipDirect));
    }
}
