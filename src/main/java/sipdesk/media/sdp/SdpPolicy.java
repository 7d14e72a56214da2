package sipdesk.media.sdp;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import sipdesk.config.AccountConfig;
import sipdesk.config.DtmfMode;
import sipdesk.media.codec.Codecs;

/**
 * Our side of every negotiation, from the account's settings.
 *
 * @param codecs SDP encoding names we accept, highest priority first ({@code account.1.codec.*.priority})
 * @param ptimeMs {@code a=ptime} we ask for; 0 = none
 * @param telephoneEventPayloadType RFC 4733 payload type we offer at 8000 Hz; -1 = no RFC 4733
 *     (DTMF in-band or by SIP INFO only)
 * @param holdDirection what we write when we hold: sendonly (Yealink default) or inactive
 *     ({@code account.1.hold_use_inactive = 1})
 * @param legacyHold also write {@code c=0.0.0.0} when holding (Yealink {@code sip.rfc2543_hold})
 */
public record SdpPolicy(List<String> codecs, int ptimeMs, int telephoneEventPayloadType, MediaDirection holdDirection,
                        boolean legacyHold) {

    public SdpPolicy {
        codecs = codecs.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList();
        Objects.requireNonNull(holdDirection, "holdDirection");
        if (codecs.isEmpty()) throw new IllegalArgumentException("no codec");
        for (String c : codecs) {
            if (!Codecs.SUPPORTED.contains(c)) throw new IllegalArgumentException("unsupported codec " + c);
        }
        if (telephoneEventPayloadType != -1 && (telephoneEventPayloadType < 96 || telephoneEventPayloadType > 127)) {
            throw new IllegalArgumentException("telephone-event payload type " + telephoneEventPayloadType);
        }
    }

    public static SdpPolicy from(AccountConfig account) {
        boolean events = account.dtmfMode() == DtmfMode.RFC4733 || account.dtmfMode() == DtmfMode.RFC4733_AND_INFO;
        return new SdpPolicy(account.codecs().stream().map(Enum::name).toList(), account.ptimeMs(),
                events ? account.dtmfPayloadType() : -1,
                account.holdUseInactive() ? MediaDirection.INACTIVE : MediaDirection.SENDONLY, false);
    }

    /** Yealink's defaults: G.722, PCMU, PCMA; 20 ms; telephone-event 101; hold with sendonly. */
    public static SdpPolicy defaults() {
        return new SdpPolicy(Codecs.SUPPORTED, 20, 101, MediaDirection.SENDONLY, false);
    }
}
