package sipdesk.config;

import java.time.Duration;
import java.util.Objects;
import sipdesk.core.CallSettings.RedirectPolicy;

/** Phone-wide call behaviour: Yealink's {@code features.*} and {@code call_waiting.*}, and our redirect and dialling keys. */
public record FeatureConfig(
        int dndRefuseCode,
        int normalRefuseCode,
        Duration busyToneDelay,
        Duration autoAnswerDelay,
        boolean callWaiting,
        RedirectPolicy redirectPolicy,
        int redirectMax,
        Duration interDigitTimeout,
        boolean intercomAllowed) {

    public FeatureConfig {
        Objects.requireNonNull(busyToneDelay, "busyToneDelay");
        Objects.requireNonNull(autoAnswerDelay, "autoAnswerDelay");
        Objects.requireNonNull(redirectPolicy, "redirectPolicy");
        Objects.requireNonNull(interDigitTimeout, "interDigitTimeout");
    }
}
