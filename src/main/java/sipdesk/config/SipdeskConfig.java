package sipdesk.config;

import java.util.Objects;
import sipdesk.core.CallSettings;
import sipdesk.core.UserSettings;

/**
 * A validated sipdesk.cfg. {@code values} holds every key of {@link Keys} (defaults included), for
 * keys that have no place in the records yet.
 */
public record SipdeskConfig(AccountConfig account, FeatureConfig features, MediaConfig media, ToneConfig tones,
                            DeviceConfig device, SipStackConfig sip, SettingValues values) {

    public SipdeskConfig {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(tones, "tones");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(sip, "sip");
        Objects.requireNonNull(values, "values");
    }

    /** Every key at its default: account 1 disabled. */
    public static SipdeskConfig defaults() {
        return ConfigAssembly.assemble(SettingValues.defaults(), "(defaults)").config();
    }

    /** What the core decides calls with. */
    public CallSettings toCallSettings() {
        return new CallSettings(
                device.lcdColumns(),
                device.lcdRows(),
                account.screenLabel(),
                features.interDigitTimeout(),
                account.digitMap(),
                features.dndRefuseCode(),
                features.normalRefuseCode(),
                features.callWaiting(),
                account.autoAnswer(),
                features.autoAnswerDelay(),
                account.hotline(),
                features.busyToneDelay(),
                account.noAnswerForwardRings(),
                features.redirectPolicy(),
                features.redirectMax(),
                CallSettings.DEFAULTS.offHookIdleTimeout(),
                features.intercomAllowed());
    }

    /**
     * DND and forwards as the file sets them, for a phone with no saved state yet; once the user
     * changes them from the keypad, the saved state wins.
     */
    public UserSettings initialUserSettings() {
        return new UserSettings(account.dnd(), account.alwaysForward(), account.busyForward(), account.noAnswerForward());
    }
}
