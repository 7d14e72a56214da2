package sipdesk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sipdesk.config.ConfigFileTest.ACCOUNT;
import static sipdesk.config.ConfigFileTest.config;
import static sipdesk.config.ConfigFileTest.loaded;
import static sipdesk.config.ConfigFileTest.messages;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sipdesk.core.CallSettings;
import sipdesk.core.CallSettings.RedirectPolicy;
import sipdesk.core.Forward;
import sipdesk.core.Tone;
import sipdesk.core.UserSettings;

class ConfigMappingTest {

    @Test
    void theDefaultsGiveTheCoresDefaults() {
        assertEquals(CallSettings.DEFAULTS, SipdeskConfig.defaults().toCallSettings());
        assertEquals(UserSettings.DEFAULT, SipdeskConfig.defaults().initialUserSettings());
    }

    @Test
    void callSettingsComeFromTheFile() {
        CallSettings s = config(ACCOUNT + """
                account.1.label = Reception
                sipdesk.lcd.columns = 20
                sipdesk.lcd.rows = 4
                sipdesk.dial.inter_digit_timeout = 6
                account.1.dialplan.digitmap.string = [2-9]xxx|0T
                features.dnd_refuse_code = 603
                features.normal_refuse_code = 480
                call_waiting.enable = 0
                account.1.auto_answer = 1
                features.auto_answer_delay = 2
                account.1.auto_dial_enable = 1
                account.1.auto_dial_num = 100
                features.busy_tone_delay = 3
                account.1.timeout_fwd.timeout = 5
                sipdesk.redirect.policy = ask
                sipdesk.redirect.max = 2
                features.intercom.allow = 0
                """).toCallSettings();
        assertEquals(new CallSettings(20, 4, "Reception", Duration.ofSeconds(6), Optional.of("[2-9]xxx|0T"), 603, 480, false, true,
                Duration.ofSeconds(2), Optional.of("100"), Duration.ofSeconds(3), 5, RedirectPolicy.ASK, 2,
                CallSettings.DEFAULTS.offHookIdleTimeout(), false), s);
    }

    @Test
    void theScreenLabelFallsBackToDisplayNameThenUserName() {
        assertEquals("1001", config(ACCOUNT).toCallSettings().label());
        assertEquals("Anna", config(ACCOUNT + "account.1.display_name = Anna\n").toCallSettings().label());
    }

    @Test
    void dndAndForwardsAreTheInitialUserSettings() {
        UserSettings u = config(ACCOUNT + """
                account.1.dnd.enable = 1
                account.1.always_fwd.enable = 1
                account.1.always_fwd.target = 2000
                account.1.busy_fwd.target = sip:voicemail@pbx
                account.1.timeout_fwd.enable = 1
                account.1.timeout_fwd.target = 3000
                """).initialUserSettings();
        assertEquals(new UserSettings(true, Forward.to("2000"), new Forward(false, "sip:voicemail@pbx"), Forward.to("3000")), u);
    }

    @Test
    void aForwardSwitchedOnWithoutTargetIsAWarningAndStaysOff() {
        ConfigLoad.Loaded l = loaded(ACCOUNT + "account.1.busy_fwd.enable = 1\n");
        assertEquals(List.of("sipdesk.cfg:5: account.1.busy_fwd.enable: is 1 but account.1.busy_fwd.target is empty; left off"),
                messages(l.warnings()));
        assertEquals(Forward.OFF, l.config().initialUserSettings().busy());
    }

    @Test
    void aHotlineOrOutboundProxyWithoutNumberOrAddressStaysOff() {
        ConfigLoad.Loaded l = loaded(ACCOUNT + "account.1.auto_dial_enable = 1\naccount.1.outbound_proxy_enable = 1\n");
        assertEquals(2, l.warnings().size());
        assertEquals(Optional.empty(), l.config().account().hotline());
        assertFalse(l.config().account().outboundProxy().enabled());
    }

    @Test
    void codecsAreOfferedByPriority() {
        assertEquals(List.of(Codec.G722, Codec.PCMU, Codec.PCMA), config(ACCOUNT).account().codecs());
        assertEquals(List.of(Codec.PCMA, Codec.PCMU), config(ACCOUNT + """
                account.1.codec.g722.enable = 0
                account.1.codec.pcma.priority = 1
                account.1.codec.pcmu.priority = 4
                """).account().codecs());
        // equal priorities: PCMU, PCMA, G722
        assertEquals(List.of(Codec.PCMU, Codec.G722), config(ACCOUNT + """
                account.1.codec.pcma.enable = 0
                account.1.codec.pcmu.priority = 1
                """).account().codecs());
    }

    @Test
    void noCodecEnabledIsAWarningAndTheDefaultsAreOffered() {
        ConfigLoad.Loaded l = loaded(ACCOUNT + """
                account.1.codec.pcmu.enable = 0
                account.1.codec.pcma.enable = 0
                account.1.codec.g722.enable = 0
                """);
        assertEquals(1, l.warnings().size());
        assertEquals(3, l.config().account().codecs().size());
    }

    @Test
    void rtpPortsAndDtmfTimingComeFromThePhoneWideKeys() {
        assertEquals(new MediaConfig(11780, 12780, 100, 3, 60), config(ACCOUNT).media());
        assertEquals(new MediaConfig(20000, 20099, 160, 1, 0), config(ACCOUNT + """
                network.port.min_rtpport = 20000
                network.port.max_rtpport = 20099
                features.dtmf.duration = 160
                features.dtmf.repetition = 1
                sipdesk.media.rtp_timeout = 0
                """).media());
    }

    @Test
    void anRtpPortRangeWithoutRoomForAPairIsAWarningAndTheDefaultsAreUsed() {
        ConfigLoad.Loaded l = loaded(ACCOUNT + "network.port.min_rtpport = 20001\nnetwork.port.max_rtpport = 20002\n");
        assertEquals(List.of("sipdesk.cfg:6: network.port.max_rtpport: range 20001..20002 has no room for an even RTP port"
                + " and the RTCP port above it; using 11780..12780"), messages(l.warnings()));
        assertEquals(new MediaConfig(11780, 12780, 100, 3, 60), l.config().media());
    }

    @Test
    void serversProxyAndNatKeepAlive() {
        AccountConfig a = config(ACCOUNT + """
                account.1.auth_name = auth1001
                account.1.sip_server.1.expires = 600
                account.1.sip_server.1.retry_counts = 5
                account.1.sip_server.2.address = 10.0.0.2
                account.1.sip_server.2.transport_type = 3
                account.1.sip_server.2.port = 0
                account.1.outbound_proxy_enable = 1
                account.1.outbound_proxy.1.address = sbc.example.com
                account.1.outbound_proxy.1.port = 5062
                account.1.nat.udp_update_time = 20
                account.1.reg_fail_retry_interval = 60
                """).account();
        assertEquals("auth1001", a.digestUser());
        assertEquals(new SipServer(Optional.of("pbx.example.com"), 5060, Duration.ofSeconds(600), Transport.UDP, 5), a.server());
        assertEquals(new SipServer(Optional.of("10.0.0.2"), 0, Duration.ofSeconds(3600), Transport.DNS_NAPTR, 3), a.backupServer());
        assertEquals(new OutboundProxy(true, Optional.of("sbc.example.com"), 5062), a.outboundProxy());
        assertEquals(Optional.of(Duration.ofSeconds(20)), a.keepAliveInterval());
        assertEquals(Duration.ofSeconds(60), a.registrationRetryInterval());
        assertEquals(Optional.empty(), config(ACCOUNT + "account.1.nat.udp_update_enable = 0\n").account().keepAliveInterval());
    }

    @Test
    void tonesKeepTheCountryAndTheCustomCadences() {
        ToneConfig t = config(ACCOUNT + """
                voice.tone.country = United States
                voice.tone.dial = 350+440/0
                voice.tone.busy = 480+620/500,0/500
                voice.tone.stutter = !350+440/100,!0/100,!350+440/100,!0/100,350+440/0
                """).tones();
        assertEquals("United States", t.country());
        assertEquals(Optional.of("350+440/0"), t.custom(Tone.DIAL));
        assertEquals(Optional.of("480+620/500,0/500"), t.custom(Tone.BUSY));
        assertTrue(t.custom(Tone.STUTTER_DIAL).isPresent());
        assertEquals(Optional.empty(), t.custom(Tone.RINGBACK));
    }

    @Test
    void deviceKeys() {
        SipdeskConfig c = config(ACCOUNT + """
                sipdesk.hardware = Serial
                sipdesk.lcd.i2c_bus = 0
                sipdesk.lcd.i2c_address = 0x3F
                sipdesk.audio.capture = USB Audio
                sipdesk.ringtone = /usr/share/sipdesk/ring.wav
                sipdesk.sip.local_port = 5062
                sipdesk.sip.trace = 1
                sip.trust_ctrl = 0
                sipdesk.state_dir = /tmp/state
                """);
        DeviceConfig d = c.device();
        assertEquals(HardwareKind.SERIAL, d.hardware());
        assertEquals(0, d.lcdI2cBus());
        assertEquals(0x3f, d.lcdI2cAddress());
        assertEquals(Optional.of("USB Audio"), d.captureDevice());
        assertEquals(Optional.empty(), d.playbackDevice());
        assertEquals(Optional.of(Path.of("/usr/share/sipdesk/ring.wav")), d.ringtone());
        assertEquals(Path.of("/tmp/state"), d.stateDir());
        assertEquals(new SipStackConfig(5062, true, false), c.sip());
        assertEquals(0x3f, c.values().get(Keys.LCD_I2C_ADDRESS));
    }
}
