package sipdesk.config;

import static sipdesk.config.Setting.Origin.SIPDESK;
import static sipdesk.config.Setting.Origin.YEALINK;
import static sipdesk.config.ValueType.absolutePath;
import static sipdesk.config.ValueType.flag;
import static sipdesk.config.ValueType.host;
import static sipdesk.config.ValueType.oneOf;
import static sipdesk.config.ValueType.optionalText;
import static sipdesk.config.ValueType.range;
import static sipdesk.config.ValueType.tone;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sipdesk.core.CallSettings.RedirectPolicy;
import sipdesk.core.Key;

/**
 * The key table: every key sipdesk.cfg understands, in the order the sample file and KEYS.md show
 * them. Adding a key is one line here; read it with {@code config.values().get(Keys.X)} or give it a
 * place in the records (ConfigAssembly). Yealink names and defaults follow the T4X admin guide
 * (YEALINK.md sections 2 and 4).
 */
public final class Keys {
    private static final List<Setting<?>> ALL = new ArrayList<>();

    private static final String IDENTITY = "Account 1: identity";
    private static final String SERVERS = "Account 1: servers and registration";
    private static final String MEDIA = "Account 1: codecs, DTMF, hold";
    private static final String CALLS = "Account 1: DND, forwarding, answering, dialling";
    private static final String FEATURES = "Phone-wide call features";
    private static final String PHONE_MEDIA = "Phone-wide media: RTP ports, DTMF timing, dead calls";
    private static final String TONES = "Tones";
    private static final String DEVICE = "sipdesk: hardware, audio, files";
    private static final String PANEL = "sipdesk: Pi front panel wiring (BCM GPIO numbers, hardware/README.md)";
    private static final String SERIAL = "sipdesk: serial front panel (hardware/SERIAL.md)";

    private static final int MAX = Integer.MAX_VALUE;

    // --- account.1: identity
    public static final Setting<Boolean> ENABLE = add(y(IDENTITY, "account.1.enable", flag(), "0",
            "Use account 1: register and place calls through it.").withExample("1"));
    public static final Setting<Optional<String>> LABEL = add(y(IDENTITY, "account.1.label", optionalText(), "",
            "Shown on the idle screen; empty = the display name, else the user name.").withExample("Front desk"));
    public static final Setting<Optional<String>> DISPLAY_NAME = add(y(IDENTITY, "account.1.display_name", optionalText(), "",
            "The name callees see (From header).").withExample("Front Desk"));
    public static final Setting<Optional<String>> AUTH_NAME = add(y(IDENTITY, "account.1.auth_name", optionalText(), "",
            "Digest authentication user; empty = the user name.").withExample("1001"));
    public static final Setting<Optional<String>> USER_NAME = add(y(IDENTITY, "account.1.user_name", optionalText(), "",
            "The SIP user (the extension); required when the account is enabled.").withExample("1001"));
    public static final Setting<Secret> PASSWORD = add(y(IDENTITY, "account.1.password", ValueType.password(), "",
            "Digest authentication password; never shown in logs or messages."));

    // --- account.1: servers
    public static final Setting<Optional<String>> SERVER1_ADDRESS = add(y(SERVERS, "account.1.sip_server.1.address", host(), "",
            "Registrar/proxy host name or IP; required when the account is enabled. Legacy name: account.1.sip_server_host.")
            .withExample("pbx.example.com"));
    public static final Setting<Integer> SERVER1_PORT = add(y(SERVERS, "account.1.sip_server.1.port", range(0, 65535), "5060",
            "Server port; 0 = find it by DNS SRV. Legacy name: account.1.sip_server_port."));
    public static final Setting<Integer> SERVER1_EXPIRES = add(y(SERVERS, "account.1.sip_server.1.expires", range(30, MAX), "3600",
            "Registration expiry asked for, seconds."));
    public static final Setting<Transport> SERVER1_TRANSPORT = add(y(SERVERS, "account.1.sip_server.1.transport_type", transport(), "0",
            "0 = UDP, 1 = TCP, 2 = TLS, 3 = DNS-NAPTR. Legacy name: account.1.transport."));
    public static final Setting<Integer> SERVER1_RETRIES = add(y(SERVERS, "account.1.sip_server.1.retry_counts", range(0, 20), "3",
            "Transmissions without answer before the backup server is tried."));
    public static final Setting<Optional<String>> SERVER2_ADDRESS = add(y(SERVERS, "account.1.sip_server.2.address", host(), "",
            "Backup server; empty = none."));
    public static final Setting<Integer> SERVER2_PORT = add(y(SERVERS, "account.1.sip_server.2.port", range(0, 65535), "5060",
            "Backup server port; 0 = find it by DNS SRV."));
    public static final Setting<Integer> SERVER2_EXPIRES = add(y(SERVERS, "account.1.sip_server.2.expires", range(30, MAX), "3600",
            "Registration expiry with the backup server, seconds."));
    public static final Setting<Transport> SERVER2_TRANSPORT = add(y(SERVERS, "account.1.sip_server.2.transport_type", transport(), "0",
            "0 = UDP, 1 = TCP, 2 = TLS, 3 = DNS-NAPTR."));
    public static final Setting<Integer> SERVER2_RETRIES = add(y(SERVERS, "account.1.sip_server.2.retry_counts", range(0, 20), "3",
            "Transmissions without answer before giving up on the backup server."));
    public static final Setting<Boolean> OUTBOUND_ENABLE = add(y(SERVERS, "account.1.outbound_proxy_enable", flag(), "0",
            "Send every request through the outbound proxy (RFC 3261 8.1.2)."));
    public static final Setting<Optional<String>> OUTBOUND_ADDRESS = add(y(SERVERS, "account.1.outbound_proxy.1.address", host(), "",
            "Outbound proxy host name or IP. Legacy name: account.1.outbound_host."));
    public static final Setting<Integer> OUTBOUND_PORT = add(y(SERVERS, "account.1.outbound_proxy.1.port", range(0, 65535), "5060",
            "Outbound proxy port. Legacy name: account.1.outbound_port."));
    public static final Setting<Duration> REG_RETRY = add(y(SERVERS, "account.1.reg_fail_retry_interval", seconds(0, 1800), "30",
            "Seconds before registering again after a failed registration."));
    public static final Setting<Boolean> KEEPALIVE_ENABLE = add(y(SERVERS, "account.1.nat.udp_update_enable", flag(), "1",
            "Send UDP keep-alives so the NAT binding stays open."));
    public static final Setting<Duration> KEEPALIVE_TIME = add(y(SERVERS, "account.1.nat.udp_update_time", seconds(15, MAX), "30",
            "Seconds between keep-alives."));

    // --- account.1: media
    public static final Setting<Boolean> PCMU_ENABLE = add(y(MEDIA, "account.1.codec.pcmu.enable", flag(), "1", "Offer G.711 u-law (PCMU)."));
    public static final Setting<Integer> PCMU_PRIORITY = add(y(MEDIA, "account.1.codec.pcmu.priority", range(1, 10), "2",
            "Order in the offer; 1 comes first."));
    public static final Setting<Boolean> PCMA_ENABLE = add(y(MEDIA, "account.1.codec.pcma.enable", flag(), "1", "Offer G.711 A-law (PCMA)."));
    public static final Setting<Integer> PCMA_PRIORITY = add(y(MEDIA, "account.1.codec.pcma.priority", range(1, 10), "3",
            "Order in the offer; 1 comes first."));
    public static final Setting<Boolean> G722_ENABLE = add(y(MEDIA, "account.1.codec.g722.enable", flag(), "1", "Offer G.722 (wideband)."));
    public static final Setting<Integer> G722_PRIORITY = add(y(MEDIA, "account.1.codec.g722.priority", range(1, 10), "1",
            "Order in the offer; 1 comes first."));
    public static final Setting<Integer> PTIME = add(y(MEDIA, "account.1.ptime", oneOf(0, 10, 20, 30, 40, 50, 60), "20",
            "Packet time in ms asked for in SDP; 0 = do not ask."));
    public static final Setting<DtmfMode> DTMF_TYPE = add(y(MEDIA, "account.1.dtmf.type", ValueType.numbered(DtmfMode.values()), "1",
            "0 = in-band audio, 1 = RFC 2833/4733 events, 2 = SIP INFO, 3 = RFC 2833 + SIP INFO."));
    public static final Setting<Integer> DTMF_PAYLOAD = add(y(MEDIA, "account.1.dtmf.dtmf_payload", range(96, 127), "101",
            "RTP payload type of telephone-event."));
    public static final Setting<Boolean> HOLD_INACTIVE = add(y(MEDIA, "account.1.hold_use_inactive", flag(), "0",
            "Hold with a=inactive instead of a=sendonly (RFC 3264 8.4)."));

    // --- account.1: call handling
    public static final Setting<Boolean> DND = add(y(CALLS, "account.1.dnd.enable", flag(), "0",
            "Do not disturb at start-up (the keypad can change it; the saved state wins)."));
    public static final Setting<Boolean> ALWAYS_FWD_ENABLE = add(y(CALLS, "account.1.always_fwd.enable", flag(), "0",
            "Forward every call (302) at start-up."));
    public static final Setting<Optional<String>> ALWAYS_FWD_TARGET = add(y(CALLS, "account.1.always_fwd.target", optionalText(), "",
            "Number or URI to forward every call to."));
    public static final Setting<Boolean> BUSY_FWD_ENABLE = add(y(CALLS, "account.1.busy_fwd.enable", flag(), "0",
            "Forward calls arriving while busy."));
    public static final Setting<Optional<String>> BUSY_FWD_TARGET = add(y(CALLS, "account.1.busy_fwd.target", optionalText(), "",
            "Number or URI for busy forward."));
    public static final Setting<Boolean> TIMEOUT_FWD_ENABLE = add(y(CALLS, "account.1.timeout_fwd.enable", flag(), "0",
            "Forward calls not answered in time."));
    public static final Setting<Optional<String>> TIMEOUT_FWD_TARGET = add(y(CALLS, "account.1.timeout_fwd.target", optionalText(), "",
            "Number or URI for no-answer forward."));
    public static final Setting<Integer> TIMEOUT_FWD_RINGS = add(y(CALLS, "account.1.timeout_fwd.timeout", range(0, 20), "2",
            "Rings (6 s each) before no-answer forward."));
    public static final Setting<Boolean> AUTO_ANSWER = add(y(CALLS, "account.1.auto_answer", flag(), "0",
            "Answer incoming calls by itself (after features.auto_answer_delay)."));
    public static final Setting<Boolean> HOTLINE_ENABLE = add(y(CALLS, "account.1.auto_dial_enable", flag(), "0",
            "Hotline: going off hook dials account.1.auto_dial_num."));
    public static final Setting<Optional<String>> HOTLINE_NUMBER = add(y(CALLS, "account.1.auto_dial_num", optionalText(), "",
            "The hotline number."));
    public static final Setting<Optional<String>> DIGIT_MAP = add(y(CALLS, "account.1.dialplan.digitmap.string", optionalText(), "",
            "Digit map that ends dialling when it matches; empty = only # and the inter-digit timer."));

    // --- phone-wide features
    public static final Setting<Integer> DND_REFUSE_CODE = add(y(FEATURES, "features.dnd_refuse_code", oneOf(404, 480, 486, 603), "480",
            "SIP response to calls refused by DND."));
    public static final Setting<Integer> NORMAL_REFUSE_CODE = add(y(FEATURES, "features.normal_refuse_code", oneOf(404, 480, 486, 603), "486",
            "SIP response when the user rejects a call."));
    public static final Setting<Duration> BUSY_TONE_DELAY = add(y(FEATURES, "features.busy_tone_delay", oneOf(0, 3, 5).map(Duration::ofSeconds), "0",
            "Seconds of busy tone after the far end hangs up."));
    public static final Setting<Duration> AUTO_ANSWER_DELAY = add(y(FEATURES, "features.auto_answer_delay", seconds(0, 10), "0",
            "Seconds before auto answer picks up."));
    public static final Setting<Boolean> CALL_WAITING = add(y(FEATURES, "call_waiting.enable", flag(), "1",
            "Accept a second call during a call (off: answer it 486)."));
    public static final Setting<Boolean> INTERCOM_ALLOW = add(y(FEATURES, "features.intercom.allow", flag(), "1",
            "Answer by itself a call that asks for it (Alert-Info auto-answer, answer-after=0, intercom)."));
    public static final Setting<Boolean> TRUSTED_SERVERS_ONLY = add(y(FEATURES, "sip.trust_ctrl", flag(), "1",
            "Accept requests only from the configured servers (Yealink \"Accept SIP Trust Server Only\"; sipdesk defaults to on)."));
    public static final Setting<RedirectPolicy> REDIRECT_POLICY = add(s(FEATURES, "sipdesk.redirect.policy", redirectPolicy(), "follow",
            "On a 3xx answer: follow the new target, ask the user, or never follow."));
    public static final Setting<Integer> REDIRECT_MAX = add(s(FEATURES, "sipdesk.redirect.max", range(0, 10), "5",
            "At most this many redirect targets are tried per call."));
    public static final Setting<Duration> INTER_DIGIT_TIMEOUT = add(s(FEATURES, "sipdesk.dial.inter_digit_timeout", seconds(1, 30), "4",
            "Seconds without a key that end dialling."));

    // --- phone-wide media
    public static final Setting<Integer> RTP_MIN_PORT = add(y(PHONE_MEDIA, "network.port.min_rtpport", range(1024, 65535), "11780",
            "Lowest local RTP port; each call takes an even RTP port and the odd RTCP port above it."));
    public static final Setting<Integer> RTP_MAX_PORT = add(y(PHONE_MEDIA, "network.port.max_rtpport", range(1024, 65535), "12780",
            "Highest local RTP port; open this range in the firewall."));
    public static final Setting<Integer> DTMF_DURATION = add(y(PHONE_MEDIA, "features.dtmf.duration", range(40, 300), "100",
            "How long each digit sent as an RFC 2833/4733 event lasts, in ms (sent in 20 ms steps)."));
    public static final Setting<Integer> DTMF_REPETITION = add(y(PHONE_MEDIA, "features.dtmf.repetition", range(1, 3), "3",
            "How many times the end packet of each RFC 2833/4733 digit is sent."));
    public static final Setting<Integer> RTP_TIMEOUT = add(s(PHONE_MEDIA, "sipdesk.media.rtp_timeout", range(0, 3600), "60",
            "Seconds without RTP or RTCP from an answered, not held call before the phone hangs it up (a lost BYE); 0 = never."));

    // --- tones
    public static final Setting<String> TONE_COUNTRY = add(y(TONES, "voice.tone.country", ValueType.text(), "Custom",
            "Tone plan: Custom, United States, Great Britain, Germany, France, Australia, ... (kept as written)."));
    public static final Setting<Optional<String>> TONE_DIAL = add(y(TONES, "voice.tone.dial", tone(), "", "Dial tone; empty = the country's."));
    public static final Setting<Optional<String>> TONE_RING = add(y(TONES, "voice.tone.ring", tone(), "", "Ringback tone; empty = the country's."));
    public static final Setting<Optional<String>> TONE_BUSY = add(y(TONES, "voice.tone.busy", tone(), "", "Busy tone; empty = the country's."));
    public static final Setting<Optional<String>> TONE_CONGESTION = add(y(TONES, "voice.tone.congestion", tone(), "",
            "Congestion tone; empty = the country's."));
    public static final Setting<Optional<String>> TONE_CALL_WAITING = add(y(TONES, "voice.tone.callwaiting", tone(), "",
            "Call-waiting tone; empty = the country's."));
    public static final Setting<Optional<String>> TONE_STUTTER = add(y(TONES, "voice.tone.stutter", tone(), "",
            "Stutter dial tone (DND or forward on); empty = the country's."));

    // --- sipdesk's own: hardware, audio, files
    public static final Setting<HardwareKind> HARDWARE = add(s(DEVICE, "sipdesk.hardware", hardware(), "auto",
            "Front panel: auto, pi (GPIO keypad + I2C LCD), sim (terminal), serial (USB panel)."));
    public static final Setting<Integer> LCD_COLUMNS = add(s(DEVICE, "sipdesk.lcd.columns", oneOf(16, 20), "16", "LCD width in characters."));
    public static final Setting<Integer> LCD_ROWS = add(s(DEVICE, "sipdesk.lcd.rows", oneOf(2, 4), "2", "LCD height in lines."));
    public static final Setting<Integer> LCD_I2C_BUS = add(s(DEVICE, "sipdesk.lcd.i2c_bus", range(0, 99), "1", "I2C bus of the LCD backpack."));
    public static final Setting<Integer> LCD_I2C_ADDRESS = add(s(DEVICE, "sipdesk.lcd.i2c_address", ValueType.i2cAddress(), "0x27",
            "I2C address of the PCF8574 backpack (0x27 or 0x3f usually)."));
    public static final Setting<Optional<String>> AUDIO_CAPTURE = add(s(DEVICE, "sipdesk.audio.capture", optionalText(), "",
            "Part of the microphone's sound device name; empty = the system default; file:/path.wav loops that WAV (tests)."));
    public static final Setting<Optional<String>> AUDIO_PLAYBACK = add(s(DEVICE, "sipdesk.audio.playback", optionalText(), "",
            "Part of the earpiece's sound device name; empty = the system default; file:/path.wav records to that WAV."));
    public static final Setting<Optional<String>> AUDIO_RINGER = add(s(DEVICE, "sipdesk.audio.ringer", optionalText(), "",
            "Part of the ringer's sound device name; empty = the playback device; file:/path.wav records to that WAV."));
    public static final Setting<Optional<Path>> RINGTONE = add(s(DEVICE, "sipdesk.ringtone", ValueType.optionalAbsolutePath(), "",
            "WAV file to ring with; empty = the built-in ring."));
    public static final Setting<Integer> SIP_LOCAL_PORT = add(s(DEVICE, "sipdesk.sip.local_port", range(1, 65535), "5060",
            "Local SIP port."));
    public static final Setting<Optional<String>> SIP_LOCAL_ADDRESS = add(s(DEVICE, "sipdesk.sip.local_address", host(), "",
            "IPv4 address to listen on and to put in Via/Contact; empty = all addresses, the one towards the server advertised."));
    public static final Setting<Boolean> SIP_TRACE = add(s(DEVICE, "sipdesk.sip.trace", flag(), "0", "Log every SIP message."));
    public static final Setting<Path> STATE_DIR = add(s(DEVICE, "sipdesk.state_dir", absolutePath(), "/var/lib/sipdesk",
            "Where DND, forwards, redial and call history are kept."));
    public static final Setting<Path> CONTROL_SOCKET = add(s(DEVICE, "sipdesk.control_socket", absolutePath(), "/run/sipdesk/control.sock",
            "Unix socket of the sipdesk command."));

    // --- the Pi's front panel: defaults are PinMap.DEFAULT, the wiring of hardware/README.md
    public static final Setting<KeypadType> KEYPAD_TYPE = add(s(PANEL, "sipdesk.keypad.type", PanelValues.keypadType(), "4x3",
            "Matrix keypad: 4x3 (1 2 3 / 4 5 6 / 7 8 9 / * 0 #), 4x4 (adds A=OK B=CANCEL C=REDIAL D=HOLD) or none."));
    public static final Setting<List<Integer>> KEYPAD_ROWS = add(s(PANEL, "sipdesk.keypad.rows", ValueType.gpioList(), "5,6,13,19",
            "GPIOs of the 4 rows, top to bottom (outputs, 1 kOhm in series)."));
    public static final Setting<List<Integer>> KEYPAD_COLUMNS = add(s(PANEL, "sipdesk.keypad.columns", ValueType.gpioList(), "12,16,20",
            "GPIOs of the columns, left to right (inputs): 3 for 4x3, 4 for 4x4; not set with 4x4 = 12,16,20,21."));
    public static final Setting<Boolean> KEYPAD_ACTIVE_HIGH = add(s(PANEL, "sipdesk.keypad.active_level", PanelValues.level(), "low",
            "low: the scan drives a row low, columns pulled up; high: reversed (row driven high, columns pulled down)."));
    public static final Setting<Duration> KEYPAD_DEBOUNCE = add(s(PANEL, "sipdesk.keypad.debounce_ms", ValueType.millis(0, 500), "20",
            "A key (or button) must read the same this long before it counts, ms."));
    public static final Setting<Duration> KEYPAD_LONG_PRESS = add(s(PANEL, "sipdesk.keypad.long_press_ms", ValueType.millis(100, 10_000), "1000",
            "Held this long, a key (or button) is a long press, ms."));
    public static final Setting<Duration> KEYPAD_STUCK = add(s(PANEL, "sipdesk.keypad.stuck_s", seconds(2, 3600), "30",
            "Held this long, a key (or button) is stuck: warned once, ignored until released, seconds."));
    /** Long press of a dial key: what it does, as the press of another key (empty = nothing). */
    public static final Map<Key, Setting<Optional<Key>>> KEYPAD_LONG_PRESS_ACTION = longPressActions();
    public static final Setting<Optional<Integer>> HOOK_PIN = add(s(PANEL, "sipdesk.hook.pin", ValueType.optionalGpio(), "17",
            "GPIO of the hook (cradle) switch; 0 = none (hands-free only)."));
    public static final Setting<Boolean> HOOK_NORMALLY_OPEN = add(s(PANEL, "sipdesk.hook.polarity", PanelValues.polarity(), "normally_open",
            "normally_open: the handset's weight closes the switch; normally_closed: it opens it."));
    public static final Setting<Boolean> HOOK_PULL_UP = add(s(PANEL, "sipdesk.hook.pull", PanelValues.pull(), "up",
            "up: the switch goes to GND (internal pull-up); down: to 3.3 V (internal pull-down)."));
    public static final Setting<Duration> HOOK_DEBOUNCE = add(s(PANEL, "sipdesk.hook.debounce_ms", ValueType.millis(0, 500), "50",
            "The hook must read the same this long before it counts, ms."));
    public static final Setting<Duration> HOOK_FLASH_MIN = add(s(PANEL, "sipdesk.hook.flash_min_ms", ValueType.millis(0, 2000), "100",
            "A shorter on-hook is contact bounce and ignored, ms."));
    public static final Setting<Duration> HOOK_FLASH_MAX = add(s(PANEL, "sipdesk.hook.flash_max_ms", ValueType.millis(50, 5000), "700",
            "An on-hook up to this long is a flash, a longer one hangs up (Yealink: 100-700 ms), ms."));
    public static final Setting<Boolean> LCD_ENABLE = add(s(PANEL, "sipdesk.lcd.enable", flag(), "1",
            "An HD44780 LCD on a PCF8574 I2C backpack is fitted (size and address: sipdesk.lcd.*)."));
    public static final Setting<List<Integer>> LCD_PCF8574_PINS = add(s(PANEL, "sipdesk.lcd.pcf8574_pins",
            ValueType.distinctNumbers(8, 7), "0,1,2,3,4,5,6,7",
            "PCF8574 bits (P0-P7) of RS,RW,E,backlight,D4,D5,D6,D7, in that order; most backpacks: 0,1,2,3,4,5,6,7."));
    public static final Setting<Duration> LCD_BACKLIGHT_TIMEOUT = add(s(PANEL, "sipdesk.lcd.backlight_timeout", seconds(0, 86_400), "30",
            "Backlight off after this many seconds without a key or a new screen; 0 = always on."));
    public static final Setting<Optional<Integer>> LED_DND_PIN = add(s(PANEL, "sipdesk.led.dnd.pin", ValueType.optionalGpio(), "23",
            "GPIO of the do-not-disturb LED; 0 = none."));
    public static final Setting<Optional<Integer>> LED_MESSAGE_WAITING_PIN = add(s(PANEL, "sipdesk.led.message_waiting.pin",
            ValueType.optionalGpio(), "24", "GPIO of the message-waiting LED; 0 = none."));
    public static final Setting<Optional<Integer>> LED_FORWARD_PIN = add(s(PANEL, "sipdesk.led.forward.pin", ValueType.optionalGpio(), "0",
            "GPIO of an LED lit while calls are forwarded; 0 = none."));
    public static final Setting<Optional<Integer>> LED_REGISTERED_PIN = add(s(PANEL, "sipdesk.led.registered.pin", ValueType.optionalGpio(), "0",
            "GPIO of an LED lit while registered; 0 = none."));
    public static final Setting<Optional<Integer>> LED_IN_USE_PIN = add(s(PANEL, "sipdesk.led.in_use.pin", ValueType.optionalGpio(), "0",
            "GPIO of an LED lit during a call; 0 = none."));
    public static final Setting<Boolean> LED_ACTIVE_HIGH = add(s(PANEL, "sipdesk.led.active_level", PanelValues.level(), "high",
            "high: the GPIO sources the current (LED to GND); low: it sinks it (LED to 3.3 V)."));
    public static final Setting<Optional<Integer>> RINGER_PIN = add(s(PANEL, "sipdesk.ringer.pin", ValueType.optionalGpio(), "18",
            "GPIO of the buzzer or bell relay (through a transistor); 0 = none (ring on the sound card only)."));
    public static final Setting<Boolean> RINGER_ACTIVE_HIGH = add(s(PANEL, "sipdesk.ringer.active_level", PanelValues.level(), "high",
            "high: the output goes high to ring; low: for relay modules with an active-low input."));
    public static final Setting<Optional<List<Duration>>> RINGER_CADENCE = add(s(PANEL, "sipdesk.ringer.cadence_ms", ValueType.optionalMillisList(8),
            "", "Ring on, off, on, off... in ms, repeated; one value = steady; empty = the ring cadence of voice.tone.country (North America: 2000,4000; UK: 400,200,400,2000)."));
    public static final Setting<Optional<Integer>> BUTTON_SPEAKER_PIN = add(s(PANEL, "sipdesk.button.speaker.pin", ValueType.optionalGpio(), "0",
            "GPIO of a speaker (hands-free) button; 0 = none (hardware/README.md suggests 22)."));
    public static final Setting<Optional<Integer>> BUTTON_HOLD_PIN = add(s(PANEL, "sipdesk.button.hold.pin", ValueType.optionalGpio(), "0",
            "GPIO of a hold button; 0 = none (suggested: 27)."));
    public static final Setting<Optional<Integer>> BUTTON_TRANSFER_PIN = add(s(PANEL, "sipdesk.button.transfer.pin", ValueType.optionalGpio(), "0",
            "GPIO of a transfer button; 0 = none (suggested: 25)."));
    public static final Setting<Optional<Integer>> BUTTON_REDIAL_PIN = add(s(PANEL, "sipdesk.button.redial.pin", ValueType.optionalGpio(), "0",
            "GPIO of a redial button; 0 = none (suggested: 26)."));
    public static final Setting<Optional<Integer>> BUTTON_DND_PIN = add(s(PANEL, "sipdesk.button.dnd.pin", ValueType.optionalGpio(), "0",
            "GPIO of a do-not-disturb button; 0 = none (suggested: 4)."));
    public static final Setting<Boolean> BUTTON_PULL_UP = add(s(PANEL, "sipdesk.button.pull", PanelValues.pull(), "up",
            "up: buttons switch to GND (internal pull-up); down: to 3.3 V."));

    // --- the serial front panel
    public static final Setting<String> SERIAL_PORT = add(s(SERIAL, "sipdesk.serial.port", PanelValues.devicePath(), "/dev/ttyACM0",
            "Serial device of the panel's microcontroller (/dev/ttyACM0, /dev/ttyUSB0, /dev/serial0; group dialout)."));
    public static final Setting<Integer> SERIAL_BAUD = add(s(SERIAL, "sipdesk.serial.baud",
            oneOf(9600, 19200, 38400, 57600, 115200, 230400), "115200", "Baud rate (8N1, no flow control)."));

    /** Older firmware names still sent by provisioning servers (YEALINK.md section 4). */
    private static final Map<String, Setting<?>> LEGACY = Map.of(
            "account.1.sip_server_host", SERVER1_ADDRESS,
            "account.1.sip_server_port", SERVER1_PORT,
            "account.1.transport", SERVER1_TRANSPORT,
            "account.1.outbound_host", OUTBOUND_ADDRESS,
            "account.1.outbound_port", OUTBOUND_PORT);

    private static final Map<String, Setting<?>> BY_NAME = index();

    private Keys() {
    }

    /** Every key, in the order of the sample file. */
    public static List<Setting<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** The key of this name or legacy name, matched case-insensitively. */
    public static Optional<Setting<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    /** Legacy name -> current key. */
    public static Map<String, Setting<?>> legacyNames() {
        return LEGACY;
    }

    private static Map<String, Setting<?>> index() {
        Map<String, Setting<?>> m = new LinkedHashMap<>();
        for (Setting<?> s : ALL) {
            if (m.put(s.name(), s) != null) throw new IllegalStateException("key listed twice: " + s.name());
        }
        m.putAll(LEGACY);
        return Map.copyOf(m);
    }

    private static <T> Setting<T> add(Setting<T> s) {
        ALL.add(s);
        return s;
    }

    private static <T> Setting<T> y(String group, String name, ValueType<T> type, String def, String help) {
        return new Setting<>(name, type, def, def, YEALINK, group, help);
    }

    private static <T> Setting<T> s(String group, String name, ValueType<T> type, String def, String help) {
        return new Setting<>(name, type, def, def, SIPDESK, group, help);
    }

    private static ValueType<Duration> seconds(int min, int max) {
        return range(min, max).map(Duration::ofSeconds);
    }

    private static ValueType<Transport> transport() {
        return ValueType.numbered(Transport.values());
    }

    private static ValueType<RedirectPolicy> redirectPolicy() {
        Map<String, RedirectPolicy> m = new LinkedHashMap<>();
        m.put("follow", RedirectPolicy.FOLLOW);
        m.put("ask", RedirectPolicy.ASK);
        m.put("never", RedirectPolicy.NEVER);
        return ValueType.words(m);
    }

    /** {@code sipdesk.keypad.long_press.<0..9|star|pound>}; a long # toggles DND as on Yealink phones. */
    private static Map<Key, Setting<Optional<Key>>> longPressActions() {
        Map<Key, Setting<Optional<Key>>> m = new java.util.EnumMap<>(Key.class);
        for (Key k : Key.values()) {
            if (!k.isDialKey()) continue;
            String name = switch (k) {
                case STAR -> "star";
                case POUND -> "pound";
                default -> String.valueOf(k.symbol());
            };
            m.put(k, add(s(PANEL, "sipdesk.keypad.long_press." + name, PanelValues.keyAction(), k == Key.POUND ? "dnd" : "none",
                    "What a long press of " + k.symbol() + " does: the press of this function key, or none.")));
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static ValueType<HardwareKind> hardware() {
        Map<String, HardwareKind> m = new LinkedHashMap<>();
        for (HardwareKind k : HardwareKind.values()) m.put(k.name().toLowerCase(java.util.Locale.ROOT), k);
        return ValueType.words(m);
    }
}
