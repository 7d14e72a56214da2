package sipdesk.sip;

import sipdesk.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.sip.address.AddressFactory;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.WWWAuthenticateHeader;

/**
 * Digest authentication for SIP (RFC 3261 §22.4, RFC 7616 hashes, RFC 8760 for SIP): MD5, SHA-256
 * and SHA-512-256, their -sess variants, qop=auth with a per-nonce nc counter and a random cnonce.
 * Replaces JAIN-SIP's helper, which hashes everything with MD5 and uses a fixed cnonce.
 * Used on the SIP worker thread only.
 */
final class DigestAuth {
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Integer> nonceCounts = new HashMap<>();

    /** The inputs of one digest computation. */
    record Input(String algorithm, String user, String realm, String password, String method,
                 String uri, String nonce, String nc, String cnonce, String qop) {}

    /** The request-digest ("response") of RFC 7616 §3.4.1; qop null means the RFC 2069 form. */
    static String response(Input in) {
        String alg = in.algorithm() == null ? "MD5" : in.algorithm().toUpperCase(Locale.ROOT);
        boolean sess = alg.endsWith("-SESS");
        String hashName = javaName(sess ? alg.substring(0, alg.length() - 5) : alg);
        String ha1 = hash(hashName, in.user() + ":" + in.realm() + ":" + in.password());
        if (sess) ha1 = hash(hashName, ha1 + ":" + in.nonce() + ":" + in.cnonce());
        String ha2 = hash(hashName, in.method() + ":" + in.uri());
        if (in.qop() == null) return hash(hashName, ha1 + ":" + in.nonce() + ":" + ha2);
        return hash(hashName, ha1 + ":" + in.nonce() + ":" + in.nc() + ":" + in.cnonce() + ":" + in.qop() + ":" + ha2);
    }

    static boolean supports(String algorithm) {
        if (algorithm == null) return true;
        String alg = algorithm.toUpperCase(Locale.ROOT).replace("-SESS", "");
        return alg.equals("MD5") || alg.equals("SHA-256") || alg.equals("SHA-512-256");
    }

    private static String javaName(String alg) {
        return switch (alg) {
            case "MD5" -> "MD5";
            case "SHA-256" -> "SHA-256";
            case "SHA-512-256" -> "SHA-512/256";
            default -> throw new IllegalArgumentException("unsupported digest algorithm " + alg);
        };
    }

    private static String hash(String javaName, String text) {
        try {
            MessageDigest md = MessageDigest.getInstance(javaName);
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(javaName + " missing from the JDK", e);
        }
    }

    /**
     * The Authorization (401) or Proxy-Authorization (407) header answering {@code challenge}.
     * {@code challenge} is a WWW-Authenticate or Proxy-Authenticate header (the latter extends it).
     */
    AuthorizationHeader answer(WWWAuthenticateHeader challenge, boolean proxy, String method, String uri,
                               String user, Secret password, HeaderFactory headers, AddressFactory addresses)
            throws ParseException {
        String qop = chooseQop(challenge.getQop());
        String cnonce = null;
        String nc = null;
        int count = 0;
        if (qop != null) {
            byte[] b = new byte[16];
            random.nextBytes(b);
            cnonce = HexFormat.of().formatHex(b);
            count = nonceCounts.merge(challenge.getNonce(), 1, Integer::sum);
            nc = String.format("%08x", count);
        }
        String response = response(new Input(challenge.getAlgorithm(), user, challenge.getRealm(),
                password.reveal(), method, uri, challenge.getNonce(), nc, cnonce, qop));
        AuthorizationHeader h = proxy
                ? headers.createProxyAuthorizationHeader(challenge.getScheme())
                : headers.createAuthorizationHeader(challenge.getScheme());
        h.setUsername(user);
        h.setRealm(challenge.getRealm());
        h.setNonce(challenge.getNonce());
        h.setURI(addresses.createURI(uri));
        h.setResponse(response);
        if (challenge.getAlgorithm() != null) h.setAlgorithm(challenge.getAlgorithm());
        if (challenge.getOpaque() != null) h.setOpaque(challenge.getOpaque());
        if (qop != null) {
            h.setQop(qop);
            h.setCNonce(cnonce);
            h.setNonceCount(count);
        }
        return h;
    }

    /** "auth" when offered (we never protect bodies: auth-int is not implemented). */
    private static String chooseQop(String offered) {
        if (offered == null) return null;
        for (String q : offered.split(",")) if (q.trim().equalsIgnoreCase("auth")) return "auth";
        return null;
    }
}
