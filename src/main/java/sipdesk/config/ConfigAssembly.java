package sipdesk.config;

import static sipdesk.config.ConfigProblem.Kind.INCONSISTENT;
import static sipdesk.config.ConfigProblem.Kind.UNUSABLE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sipdesk.core.Forward;

/** Turns the values of single keys into the record tree, checking keys that must agree with each other. */
final class ConfigAssembly {

    /** The config, warnings about keys that do not fit together, and errors that make the file unusable. */
    record Assembled(SipdeskConfig config, List<ConfigProblem> warnings, List<ConfigProblem> errors) {
    }

    private final SettingValues v;
    private final String file;
    private final List<ConfigProblem> warnings = new ArrayList<>();
    private final List<ConfigProblem> errors = new ArrayList<>();

    private ConfigAssembly(SettingValues v, String file) {
        this.v = v;
        this.file = file;
    }

    static Assembled assemble(SettingValues values, String file) {
        ConfigAssembly a = new ConfigAssembly(values, file);
        SipdeskConfig config = new SipdeskConfig(a.account(), a.features(), a.media(), a.tones(), a.device(), a.sip(), values);
        a.warnings.addAll(PanelWiringCheck.problems(values, file));
        return new Assembled(config, List.copyOf(a.warnings), List.copyOf(a.errors));
    }

    private AccountConfig account() {
        boolean enabled = v.get(Keys.ENABLE);
        if (!enabled && v.line(Keys.ENABLE) == 0 && v.get(Keys.SERVER1_ADDRESS).isPresent() && v.get(Keys.USER_NAME).isPresent()) {
            // Yealink's default is 0: a hand-written file that forgets the switch would silently never register.
            warnings.add(new ConfigProblem(file, v.line(Keys.USER_NAME), Keys.ENABLE.name(),
                    "not set, so account 1 is off although it has a server and a user name; add account.1.enable = 1",
                    INCONSISTENT));
        }
        requireWhenEnabled(enabled, Keys.SERVER1_ADDRESS);
        requireWhenEnabled(enabled, Keys.USER_NAME);
        return new AccountConfig(
                enabled,
                text(Keys.LABEL), text(Keys.DISPLAY_NAME), text(Keys.AUTH_NAME), text(Keys.USER_NAME),
                v.get(Keys.PASSWORD),
                new SipServer(v.get(Keys.SERVER1_ADDRESS), v.get(Keys.SERVER1_PORT), seconds(v.get(Keys.SERVER1_EXPIRES)),
                        v.get(Keys.SERVER1_TRANSPORT), v.get(Keys.SERVER1_RETRIES)),
                new SipServer(v.get(Keys.SERVER2_ADDRESS), v.get(Keys.SERVER2_PORT), seconds(v.get(Keys.SERVER2_EXPIRES)),
                        v.get(Keys.SERVER2_TRANSPORT), v.get(Keys.SERVER2_RETRIES)),
                outboundProxy(),
                v.get(Keys.REG_RETRY),
                v.get(Keys.KEEPALIVE_ENABLE) ? Optional.of(v.get(Keys.KEEPALIVE_TIME)) : Optional.empty(),
                codecs(),
                v.get(Keys.PTIME),
                v.get(Keys.DTMF_TYPE),
                v.get(Keys.DTMF_PAYLOAD),
                v.get(Keys.HOLD_INACTIVE),
                v.get(Keys.DND),
                forward(Keys.ALWAYS_FWD_ENABLE, Keys.ALWAYS_FWD_TARGET),
                forward(Keys.BUSY_FWD_ENABLE, Keys.BUSY_FWD_TARGET),
                forward(Keys.TIMEOUT_FWD_ENABLE, Keys.TIMEOUT_FWD_TARGET),
                v.get(Keys.TIMEOUT_FWD_RINGS),
                v.get(Keys.AUTO_ANSWER),
                switchedText(Keys.HOTLINE_ENABLE, Keys.HOTLINE_NUMBER),
                v.get(Keys.DIGIT_MAP));
    }

    private FeatureConfig features() {
        return new FeatureConfig(v.get(Keys.DND_REFUSE_CODE), v.get(Keys.NORMAL_REFUSE_CODE), v.get(Keys.BUSY_TONE_DELAY),
                v.get(Keys.AUTO_ANSWER_DELAY), v.get(Keys.CALL_WAITING), v.get(Keys.REDIRECT_POLICY), v.get(Keys.REDIRECT_MAX),
                v.get(Keys.INTER_DIGIT_TIMEOUT), v.get(Keys.INTERCOM_ALLOW));
    }

    /** A port range with no room for one RTP/RTCP pair would make every call fail: keep the defaults instead. */
    private MediaConfig media() {
        int min = v.get(Keys.RTP_MIN_PORT);
        int max = v.get(Keys.RTP_MAX_PORT);
        if (((min + 1) & ~1) + 1 > max) { // the lowest even port and the one above it must fit
            warnings.add(new ConfigProblem(file, Math.max(v.line(Keys.RTP_MIN_PORT), v.line(Keys.RTP_MAX_PORT)),
                    Keys.RTP_MAX_PORT.name(), "range " + min + ".." + max + " has no room for an even RTP port and the RTCP port above it; "
                    + "using " + Keys.RTP_MIN_PORT.defaultText() + ".." + Keys.RTP_MAX_PORT.defaultText(), INCONSISTENT));
            min = Integer.parseInt(Keys.RTP_MIN_PORT.defaultText());
            max = Integer.parseInt(Keys.RTP_MAX_PORT.defaultText());
        }
        return new MediaConfig(min, max, v.get(Keys.DTMF_DURATION), v.get(Keys.DTMF_REPETITION), v.get(Keys.RTP_TIMEOUT));
    }

    private ToneConfig tones() {
        String country = v.get(Keys.TONE_COUNTRY);
        return new ToneConfig(country.isEmpty() ? "Custom" : country, v.get(Keys.TONE_DIAL), v.get(Keys.TONE_RING),
                v.get(Keys.TONE_BUSY), v.get(Keys.TONE_CONGESTION), v.get(Keys.TONE_CALL_WAITING), v.get(Keys.TONE_STUTTER));
    }

    private DeviceConfig device() {
        return new DeviceConfig(v.get(Keys.HARDWARE), v.get(Keys.LCD_COLUMNS), v.get(Keys.LCD_ROWS), v.get(Keys.LCD_I2C_BUS),
                v.get(Keys.LCD_I2C_ADDRESS), v.get(Keys.AUDIO_CAPTURE), v.get(Keys.AUDIO_PLAYBACK), v.get(Keys.AUDIO_RINGER),
                v.get(Keys.RINGTONE), v.get(Keys.STATE_DIR), v.get(Keys.CONTROL_SOCKET));
    }

    private SipStackConfig sip() {
        return new SipStackConfig(v.get(Keys.SIP_LOCAL_PORT), v.get(Keys.SIP_TRACE), v.get(Keys.TRUSTED_SERVERS_ONLY));
    }

    /** An enabled account without server or user cannot register: the one thing that rejects a file. */
    private void requireWhenEnabled(boolean enabled, Setting<Optional<String>> key) {
        if (enabled && v.get(key).isEmpty()) {
            errors.add(new ConfigProblem(file, v.line(Keys.ENABLE), key.name(),
                    "required when account.1.enable = 1, but missing or empty", UNUSABLE));
        }
    }

    private OutboundProxy outboundProxy() {
        Optional<String> address = switchedText(Keys.OUTBOUND_ENABLE, Keys.OUTBOUND_ADDRESS);
        return address.isPresent() ? new OutboundProxy(true, address, v.get(Keys.OUTBOUND_PORT))
                : new OutboundProxy(false, v.get(Keys.OUTBOUND_ADDRESS), v.get(Keys.OUTBOUND_PORT));
    }

    private Forward forward(Setting<Boolean> enable, Setting<Optional<String>> target) {
        Optional<String> t = switchedText(enable, target);
        return t.map(Forward::to).orElseGet(() -> new Forward(false, text(target)));
    }

    /** The text of a key switched on by a flag; a switch on with nothing to use is a warning and stays off. */
    private Optional<String> switchedText(Setting<Boolean> enable, Setting<Optional<String>> text) {
        if (!v.get(enable)) return Optional.empty();
        Optional<String> t = v.get(text).filter(s -> !s.isBlank());
        if (t.isEmpty()) {
            warnings.add(new ConfigProblem(file, v.line(enable), enable.name(),
                    "is 1 but " + text.name() + " is empty; left off", INCONSISTENT));
        }
        return t;
    }

    /** Enabled codecs by priority (1 first; ties in PCMU, PCMA, G722 order); none enabled = the defaults. */
    private List<Codec> codecs() {
        Map<Codec, Setting<Boolean>> enabled = Map.of(Codec.PCMU, Keys.PCMU_ENABLE, Codec.PCMA, Keys.PCMA_ENABLE,
                Codec.G722, Keys.G722_ENABLE);
        Map<Codec, Setting<Integer>> priority = Map.of(Codec.PCMU, Keys.PCMU_PRIORITY, Codec.PCMA, Keys.PCMA_PRIORITY,
                Codec.G722, Keys.G722_PRIORITY);
        List<Codec> on = new ArrayList<>();
        for (Codec c : Codec.values()) if (v.get(enabled.get(c))) on.add(c);
        if (on.isEmpty()) {
            warnings.add(new ConfigProblem(file, v.line(Keys.PCMU_ENABLE), "account.1.codec",
                    "no codec enabled; using PCMU, PCMA and G722", INCONSISTENT));
            on.addAll(List.of(Codec.values()));
        }
        on.sort(Comparator.comparingInt((Codec c) -> v.get(priority.get(c))).thenComparing(Comparator.naturalOrder()));
        return on;
    }

    private String text(Setting<Optional<String>> key) {
        return v.get(key).orElse("");
    }

    private static Duration seconds(int n) {
        return Duration.ofSeconds(n);
    }
}
