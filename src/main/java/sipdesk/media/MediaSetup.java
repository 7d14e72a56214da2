package sipdesk.media;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import sipdesk.config.SipdeskConfig;
import sipdesk.config.ToneConfig;
import sipdesk.media.rtp.RtpSettings;
import sipdesk.media.sdp.SdpPolicy;
import sipdesk.media.tone.TonePlan;
import sipdesk.media.tone.TonePlans;

/**
 * Everything the media engine takes from the configuration.
 *
 * @param captureDevice part of the javax.sound mixer name of the handset microphone, or
 *     {@code file:/path.wav} to loop a WAV file (see {@code FileDevices}); empty = default
 * @param playbackDevice same for the earpiece ({@code file:} records to that WAV)
 * @param ringerDevice same for the ringer; empty = ring on the earpiece device
 * @param ringtone a 16-bit PCM WAV to ring with; empty = a generated ring
 * @param warnings what could not be used (unknown tone country, bad custom tone), to log
 */
public record MediaSetup(SdpPolicy sdp, RtpSettings rtp, Optional<String> captureDevice, Optional<String> playbackDevice,
                         Optional<String> ringerDevice, Optional<Path> ringtone, TonePlan tones, List<String> warnings) {

    public MediaSetup {
        Objects.requireNonNull(sdp, "sdp");
        Objects.requireNonNull(rtp, "rtp");
        Objects.requireNonNull(captureDevice, "captureDevice");
        Objects.requireNonNull(playbackDevice, "playbackDevice");
        Objects.requireNonNull(ringerDevice, "ringerDevice");
        Objects.requireNonNull(ringtone, "ringtone");
        Objects.requireNonNull(tones, "tones");
        warnings = List.copyOf(warnings);
    }

    public static MediaSetup from(SipdeskConfig config, InetAddress rtpBindAddress) {
        TonePlan.Customised tones = TonePlans.fromYealinkSettings(yealinkToneSettings(config.tones()));
        RtpSettings rtp = RtpSettings.on(rtpBindAddress)
                .withPorts(config.media().minRtpPort(), config.media().maxRtpPort())
                .withDtmf(config.media().dtmfDurationMs(), config.media().dtmfRepetitions())
                .withSilenceTimeoutSeconds(config.media().rtpTimeoutSeconds());
        return new MediaSetup(SdpPolicy.from(config.account()), rtp,
                config.device().captureDevice(), config.device().playbackDevice(), config.device().ringerDevice(),
                config.device().ringtone(), tones.plan(), tones.warnings());
    }

    private static Map<String, String> yealinkToneSettings(ToneConfig tones) {
        Map<String, String> settings = new HashMap<>();
        settings.put("voice.tone.country", tones.country());
        TonePlan.YEALINK_KEYS.forEach((key, tone) -> tones.custom(tone).ifPresent(value -> settings.put(key, value)));
        return settings;
    }

    /** Whether the ringer has a card of its own (a name set, and not the earpiece's). */
    boolean separateRinger() {
        return ringerDevice.isPresent() && !ringerDevice.equals(playbackDevice);
    }
}
