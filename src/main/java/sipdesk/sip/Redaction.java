package sipdesk.sip;

import java.util.regex.Pattern;

/** Hides digest credentials in logged SIP text: the value of every (Proxy-)Authorization header. */
final class Redaction {
    private static final Pattern AUTHORIZATION =
            Pattern.compile("(?im)^((?:proxy-)?authorization\\s*:)[^\\r\\n]*");

    private Redaction() {}

    static String redact(String text) {
        if (text == null) return null;
        return AUTHORIZATION.matcher(text).replaceAll("$1 <redacted>");
    }
}
