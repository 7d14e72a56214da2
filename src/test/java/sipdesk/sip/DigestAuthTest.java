package sipdesk.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DigestAuthTest {
    // RFC 7616 §3.9.1: the same request answered with MD5 and with SHA-256.
    private static DigestAuth.Input rfc7616(String algorithm) {
        return new DigestAuth.Input(algorithm, "Mufasa", "http-auth@example.org", "Circle of Life", "GET",
                "/dir/index.html", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "00000001",
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "auth");
    }

    @Test
    void md5MatchesRfc7616Example() {
        assertEquals("8ca523f5e9506fed4657c9700eebdbec", DigestAuth.response(rfc7616("MD5")));
    }

    @Test
    void sha256MatchesRfc7616Example() {
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
                DigestAuth.response(rfc7616("SHA-256")));
    }

    @Test
    void withoutQopUsesTheRfc2069Form() {
        // RFC 2617 §3.5 example values, qop left out: H(HA1:nonce:HA2).
        var in = new DigestAuth.Input(null, "Mufasa", "testrealm@host.com", "Circle Of Life", "GET", "/dir/index.html",
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", null, null, null);
        assertEquals("670fd8c2df070c60b045671b8b24ff02", DigestAuth.response(in));
    }

    @Test
    void knowsWhichAlgorithmsItCanAnswer() {
        assertTrue(DigestAuth.supports(null));
        assertTrue(DigestAuth.supports("sha-256"));
        assertTrue(DigestAuth.supports("SHA-512-256-sess"));
        assertFalse(DigestAuth.supports("AKAv1-MD5"));
    }
}
