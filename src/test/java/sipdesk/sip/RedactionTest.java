package sipdesk.sip;

import sipdesk.config.Secret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void authorizationValuesNeverReachTheLog() {
        String msg = "REGISTER sip:x SIP/2.0\r\nAuthorization: Digest username=\"1001\",response=\"abc\"\r\n"
                + "proxy-authorization: Digest username=\"1001\",response=\"def\"\r\nCall-ID: 1\r\n";
        String out = Redaction.redact(msg);
        assertFalse(out.contains("response"));
        assertEquals("REGISTER sip:x SIP/2.0\r\nAuthorization: <redacted>\r\nproxy-authorization: <redacted>\r\nCall-ID: 1\r\n", out);
    }

    @Test
    void secretNeverPrints() {
        assertEquals("****", Secret.of("hunter2").toString());
        assertFalse(SipAccount.builder().password(Secret.of("hunter2")).enabled(false).build().toString().contains("hunter2"));
    }
}
