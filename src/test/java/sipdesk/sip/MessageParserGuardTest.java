package sipdesk.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MessageParserGuardTest {
    @Test
    void reasonKeepsOnePrintableLine() {
        assertEquals("Content-Length: -999 :For input string: \"\"",
                MessageParserGuard.reason("Content-Length: -999\n:For input string: \"\""));
        assertEquals("ID expected", MessageParserGuard.reason("[C@38e9bb46\n ID expected"));
        assertEquals("garbage", MessageParserGuard.reason("\u0001\u0002\u00ff\u0000 garbage \u007f\r\n"));
    }

    @Test
    void reasonIsNeverEmptyNorLong() {
        assertEquals("malformed message", MessageParserGuard.reason("\r\n"));
        assertEquals("malformed message", MessageParserGuard.reason(null));
        assertEquals(80, MessageParserGuard.reason("x".repeat(500)).length());
    }
}
