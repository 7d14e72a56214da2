package sipdesk.core;

import java.util.Objects;

/**
 * The other end of a call as the user sees it: a SIP URI (or a bare number) and an optional
 * display name ("" when the peer sent none).
 */
public record Party(String uri, String displayName) {
    public Party {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(displayName, "displayName");
    }

    public static Party of(String uri) {
        return new Party(uri, "");
    }

    /** The user part of the URI ("1001" for "sip:1001@pbx"), or the whole text when it has none. */
    public String number() {
        String s = uri;
        if (s.startsWith("<") && s.endsWith(">")) s = s.substring(1, s.length() - 1);
        int colon = s.indexOf(':');
        if (s.startsWith("sip:") || s.startsWith("sips:") || s.startsWith("tel:")) s = s.substring(colon + 1);
        int at = s.indexOf('@');
        if (at > 0) s = s.substring(0, at);
        int semi = s.indexOf(';');
        if (semi > 0) s = s.substring(0, semi);
        return s;
    }

    /** What the LCD shows: the display name when there is one, else the number. */
    public String label() {
        return displayName.isBlank() ? number() : displayName;
    }
}
