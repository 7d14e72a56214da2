package sipdesk.sip;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the user dialled, as a SIP URI: a full {@code sip:}/{@code sips:} URI passes as is;
 * {@code user@host} gains {@code sip:}; an IP typed on the keypad with {@code *} for the dots
 * (Yealink convention, {@code 192*168*1*20}) and an optional port after {@code #} or a fifth
 * {@code *} group becomes {@code sip:192.168.1.20[:port]}; other digits go to the account's domain.
 */
final class DialTargets {
    private static final Pattern STAR_IP =
            Pattern.compile("(\\d{1,3})\\*(\\d{1,3})\\*(\\d{1,3})\\*(\\d{1,3})(?:[#*](\\d{1,5}))?");
    private static final Pattern DOTTED_IP =
            Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}(?::\\d{1,5})?");

    private DialTargets() {}

    /** The URI to call, or empty when the text cannot be dialled (digits with no account). */
    static Optional<String> toUri(String target, SipAccount account) {
        String t = target.trim();
        if (t.isEmpty()) return Optional.empty();
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("sip:") || lower.startsWith("sips:")) return Optional.of(t);
        if (t.contains("@")) return Optional.of("sip:" + t);
        Matcher m = STAR_IP.matcher(t);
        if (m.matches()) {
            String ip = m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4);
            return Optional.of("sip:" + ip + (m.group(5) != null ? ":" + m.group(5) : ""));
        }
        if (DOTTED_IP.matcher(t).matches()) return Optional.of("sip:" + t);
        if (!account.enabled()) return Optional.empty();
        return Optional.of("sip:" + t + "@" + account.effectiveDomain());
    }
}
