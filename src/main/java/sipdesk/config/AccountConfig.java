package sipdesk.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sipdesk.core.Forward;

/**
 * Account 1 ({@code account.1.*}). Strings are "" when the file leaves them out; the password is a
 * {@link Secret}, so printing this record never shows it.
 *
 * @param codecs the enabled codecs, highest priority first; never empty
 * @param keepAliveInterval NAT keep-alive period, empty when {@code nat.udp_update_enable = 0}
 */
public record AccountConfig(
        boolean enabled,
        String label,
        String displayName,
        String authName,
        String userName,
        Secret password,
        SipServer server,
        SipServer backupServer,
        OutboundProxy outboundProxy,
        Duration registrationRetryInterval,
        Optional<Duration> keepAliveInterval,
        List<Codec> codecs,
        int ptimeMs,
        DtmfMode dtmfMode,
        int dtmfPayloadType,
        boolean holdUseInactive,
        boolean dnd,
        Forward alwaysForward,
        Forward busyForward,
        Forward noAnswerForward,
        int noAnswerForwardRings,
        boolean autoAnswer,
        Optional<String> hotline,
        Optional<String> digitMap) {

    public AccountConfig {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(authName, "authName");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(backupServer, "backupServer");
        Objects.requireNonNull(outboundProxy, "outboundProxy");
        Objects.requireNonNull(registrationRetryInterval, "registrationRetryInterval");
        Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
        Objects.requireNonNull(dtmfMode, "dtmfMode");
        Objects.requireNonNull(alwaysForward, "alwaysForward");
        Objects.requireNonNull(busyForward, "busyForward");
        Objects.requireNonNull(noAnswerForward, "noAnswerForward");
        Objects.requireNonNull(hotline, "hotline");
        Objects.requireNonNull(digitMap, "digitMap");
        codecs = List.copyOf(codecs);
        if (codecs.isEmpty()) throw new IllegalArgumentException("no codec");
    }

    /** The digest user: {@code auth_name}, or the user name when it is empty (Yealink's rule). */
    public String digestUser() {
        return authName.isEmpty() ? userName : authName;
    }

    /** What the idle screen shows: label, else display name, else user name, else "sipdesk". */
    public String screenLabel() {
        for (String s : List.of(label, displayName, userName)) {
            if (!s.isBlank()) return s;
        }
        return "sipdesk";
    }
}
