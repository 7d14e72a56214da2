package sipdesk.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.core.CommonLogger;
import java.util.Optional;
import javax.sip.SipFactory;
import javax.sip.message.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sipdesk.core.Party;

/** What an INVITE's headers tell the core: who the call was for, and whether to answer by itself. */
class IncomingCallsTest {
    @BeforeAll
    static void logger() {
        CommonLogger.legacyLogger = new JulStackLogger(); // parsing without a stack (LIBRARIES.md)
    }

    private static Request invite(String extraHeaders) throws Exception {
        String text = "INVITE sip:1001@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1\r\n"
                + "From: \"Alice\" <sip:alice@pbx>;tag=1\r\nTo: <sip:1001@pbx>\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\n"
                + "Max-Forwards: 70\r\n" + extraHeaders + "Content-Length: 0\r\n\r\n";
        return SipFactory.getInstance().createMessageFactory().createRequest(text);
    }

    @Test
    void diversionNamesTheOriginalCalledPartyLast() throws Exception {
        Request r = invite("Diversion: <sip:3003@pbx>;reason=unconditional, \"Bob\" <sip:2002@pbx>;reason=user-busy\r\n");
        assertEquals(Optional.of(new Party("sip:2002@pbx", "Bob")), IncomingCalls.divertedFrom(r));
    }

    @Test
    void diversionOnSeveralLinesToo() throws Exception {
        Request r = invite("Diversion: <sip:3003@pbx>;reason=unconditional\r\nDiversion: <sip:2002@pbx>;reason=user-busy\r\n");
        assertEquals(Optional.of(Party.of("sip:2002@pbx")), IncomingCalls.divertedFrom(r));
    }

    @Test
    void historyInfoNamesItFirst() throws Exception {
        Request r = invite("History-Info: <sip:2002@pbx?Reason=SIP%3Bcause%3D302>;index=1, <sip:1001@pbx>;index=1.1\r\n");
        assertEquals(Optional.of(Party.of("sip:2002@pbx")), IncomingCalls.divertedFrom(r));
    }

    @Test
    void aDirectCallWasDivertedFromNobody() throws Exception {
        assertEquals(Optional.empty(), IncomingCalls.divertedFrom(invite("")));
    }

    @Test
    void autoAnswerRequestsYealinkUnderstands() throws Exception {
        assertTrue(IncomingCalls.autoAnswer(invite("Alert-Info: <http://x>;info=alert-autoanswer\r\n")));
        assertTrue(IncomingCalls.autoAnswer(invite("Alert-Info: <http://x>;answer-after=0\r\n")));
        assertTrue(IncomingCalls.autoAnswer(invite("Call-Info: <sip:pbx>;answer-after=0\r\n")));
        assertTrue(IncomingCalls.autoAnswer(invite("Alert-Info: Auto Answer\r\n")));
        assertTrue(IncomingCalls.autoAnswer(invite("Answer-Mode: Auto\r\n")));
        assertFalse(IncomingCalls.autoAnswer(invite("Alert-Info: <http://x/ring2.wav>\r\n")));
    }
}
