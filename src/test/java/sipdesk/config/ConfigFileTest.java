package sipdesk.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.config.ConfigProblem.Kind;

class ConfigFileTest {
    static final String ACCOUNT = """
            #!version:1.0.0.1
            account.1.enable = 1
            account.1.user_name = 1001
            account.1.sip_server.1.address = pbx.example.com
            """;

    static ConfigLoad parse(String text) {
        return ConfigFile.parse("sipdesk.cfg", text.getBytes(UTF_8), Strictness.LENIENT);
    }

    static ConfigLoad.Loaded loaded(String text) {
        return assertInstanceOf(ConfigLoad.Loaded.class, parse(text));
    }

    static SipdeskConfig config(String text) {
        ConfigLoad.Loaded l = loaded(text);
        assertEquals(List.of(), l.warnings());
        return l.config();
    }

    static List<String> messages(List<ConfigProblem> problems) {
        return problems.stream().map(ConfigProblem::message).toList();
    }

    @Test
    void aMinimalAccountLoadsWithoutWarnings() {
        AccountConfig a = config(ACCOUNT).account();
        assertTrue(a.enabled());
        assertEquals("1001", a.userName());
        assertEquals(Optional.of("pbx.example.com"), a.server().address());
        assertEquals(5060, a.server().port());
        assertEquals(Transport.UDP, a.server().transport());
        assertEquals(Duration.ofSeconds(3600), a.server().expires());
        assertEquals(DtmfMode.RFC4733, a.dtmfMode());
        assertEquals(101, a.dtmfPayloadType());
    }

    @Test
    void theSameSettingsGiveEqualConfigsWhateverTheLayout() {
        assertEquals(config(ACCOUNT), config("\n\n" + ACCOUNT.replace(" = ", "=")));
        assertFalse(config(ACCOUNT).equals(config(ACCOUNT + "account.1.label = x\n")));
    }

    @Test
    void anEmptyFileGivesTheDefaults() {
        SipdeskConfig c = config("");
        assertEquals(SipdeskConfig.defaults().toCallSettings(), c.toCallSettings());
        assertFalse(c.account().enabled());
        assertEquals(Path.of("/var/lib/sipdesk"), c.device().stateDir());
        assertEquals(Path.of("/run/sipdesk/control.sock"), c.device().controlSocket());
        assertEquals(5060, c.sip().localPort());
        assertTrue(c.sip().trustedServersOnly());
    }

    @Test
    void valuesKeepHashEqualsColonAndInnerSpaces() {
        SipdeskConfig c = config(ACCOUNT + """
                account.1.dialplan.digitmap.string = [*#]xx|1=2:3 # not a comment
                account.1.label =   Front   desk  #1
                # account.1.auto_answer = 1
                """);
        assertEquals(Optional.of("[*#]xx|1=2:3 # not a comment"), c.account().digitMap());
        assertEquals("Front   desk  #1", c.account().label());
        assertFalse(c.account().autoAnswer());
    }

    @Test
    void aBlankValueLeavesTheKeyAsItIs() {
        SipdeskConfig c = config(ACCOUNT + """
                account.1.label = Desk
                account.1.label =
                account.1.sip_server.1.port=
                """);
        assertEquals("Desk", c.account().label());
        assertEquals(5060, c.account().server().port());
    }

    @Test
    void nullSetsTheKeyToEmpty() {
        SipdeskConfig c = config(ACCOUNT + """
                account.1.label = Desk
                account.1.label = %NULL%
                voice.tone.dial = 350+440/0
                voice.tone.dial = %NULL%
                """);
        assertEquals("", c.account().label());
        assertEquals(Optional.empty(), c.tones().dial());
    }

    @Test
    void theLastNonBlankValueOfARepeatedKeyWins() {
        SipdeskConfig c = config(ACCOUNT + """
                account.1.sip_server.1.port = 5070
                account.1.sip_server.1.port = 5080
                account.1.sip_server.1.port =
                """);
        assertEquals(5080, c.account().server().port());
    }

    @Test
    void legacyServerNamesAreReadAsTheCurrentOnes() {
        SipdeskConfig c = config("""
                account.1.enable = 1
                account.1.user_name = 1001
                account.1.sip_server_host = old.example.com
                account.1.sip_server_port = 5070
                account.1.transport = 1
                """);
        assertEquals(Optional.of("old.example.com"), c.account().server().address());
        assertEquals(5070, c.account().server().port());
        assertEquals(Transport.TCP, c.account().server().transport());
    }

    @Test
    void betweenALegacyAndACurrentNameTheLaterLineWins() {
        SipdeskConfig c = config(ACCOUNT + "account.1.sip_server_host = later.example.com\n");
        assertEquals(Optional.of("later.example.com"), c.account().server().address());
    }

    @Test
    void oddSpacingTabsBomCrlfAndNoFinalNewlineAreTolerated() {
        String text = "\uFEFF#!version:1.0.0.1\r\n"
                + "account.1.enable=1\r\n"
                + "\t account.1.user_name \t=\t1001 \r\n"
                + "\r\n"
                + "account.1.sip_server.1.address   =pbx.example.com\r"
                + "account.1.label = Desk";
        AccountConfig a = config(text).account();
        assertEquals("1001", a.userName());
        assertEquals(Optional.of("pbx.example.com"), a.server().address());
        assertEquals("Desk", a.label());
    }

    @Test
    void keysAreMatchedWhateverTheirCase() {
        assertEquals(5070, config(ACCOUNT + "Account.1.SIP_Server.1.Port = 5070\n").account().server().port());
    }

    @Test
    void anUnknownKeyIsOneWarningNamingItsFirstLine() {
        ConfigLoad.Loaded l = loaded(ACCOUNT + """
                features.dtmf.transfer = #
                phone_setting.ring_type = Resource:Ring2.wav
                features.dtmf.transfer = *
                """);
        assertEquals(List.of(
                "sipdesk.cfg:5: features.dtmf.transfer: unknown key; ignored",
                "sipdesk.cfg:6: phone_setting.ring_type: unknown key; ignored"), messages(l.warnings()));
        assertTrue(l.warnings().stream().allMatch(w -> w.kind() == Kind.UNKNOWN_KEY));
    }

    @Test
    void aLineWithoutEqualsIsAWarning() {
        ConfigLoad.Loaded l = loaded(ACCOUNT + "account.1.label Desk\n= lonely value\nHunter2 and more\n");
        assertEquals(List.of(
                "sipdesk.cfg:5: account.1.label: expected 'key = value', the line has no '='; ignored",
                "sipdesk.cfg:6: expected 'key = value', the line has no key; ignored",
                "sipdesk.cfg:7: expected 'key = value', the line has no '='; ignored"), messages(l.warnings()));
        assertEquals("", l.config().account().label());
    }

    @Test
    void anUnusableValueIsAWarningAndTheKeyKeepsItsPreviousValue() {
        ConfigLoad.Loaded l = loaded(ACCOUNT + """
                account.1.sip_server.1.port = 5070
                account.1.sip_server.1.port = 50x0
                """);
        assertEquals(List.of("sipdesk.cfg:6: account.1.sip_server.1.port: expected 0..65535, got '50x0'; kept the previous value"),
                messages(l.warnings()));
        assertEquals(Kind.BAD_VALUE, l.warnings().get(0).kind());
        assertEquals(5070, l.config().account().server().port());
    }

    @Test
    void eachKindOfValueSaysWhatItExpects() {
        ConfigLoad.Loaded l = loaded(ACCOUNT + """
                account.1.dtmf.type = 1account.1.dtmf.dtmf_payload = 101
                account.1.auto_answer = yes
                features.dnd_refuse_code = 500
                sipdesk.redirect.policy = sometimes
                sipdesk.lcd.i2c_address = 0x99
                sipdesk.state_dir = var/lib
                voice.tone.busy = 480+620/500,0/x
                account.1.sip_server.1.address = pbx example
                """);
        assertEquals(List.of(
                "sipdesk.cfg:5: account.1.dtmf.type: expected 0..3, got '1account.1.dtmf.dtmf_payload = 101'; kept the previous value",
                "sipdesk.cfg:6: account.1.auto_answer: expected 0 or 1, got 'yes'; kept the previous value",
                "sipdesk.cfg:7: features.dnd_refuse_code: expected 404, 480, 486 or 603, got '500'; kept the previous value",
                "sipdesk.cfg:8: sipdesk.redirect.policy: expected follow, ask or never, got 'sometimes'; kept the previous value",
                "sipdesk.cfg:9: sipdesk.lcd.i2c_address: expected 0x03..0x77, got '0x99'; kept the previous value",
                "sipdesk.cfg:10: sipdesk.state_dir: expected an absolute path, got 'var/lib'; kept the previous value",
                "sipdesk.cfg:11: voice.tone.busy: expected [!]f1[+f2..f4]/ms, up to 8 separated by commas, got '480+620/500,0/x'; "
                        + "kept the previous value",
                "sipdesk.cfg:12: account.1.sip_server.1.address: expected a host name or IP address, got 'pbx example'; "
                        + "kept the previous value"),
                messages(l.warnings()));
    }

    @Test
    void nullOnANumberIsAnUnusableValue() {
        ConfigLoad.Loaded l = loaded(ACCOUNT + "account.1.ptime = %NULL%\n");
        assertEquals(List.of("sipdesk.cfg:5: account.1.ptime: expected 0, 10, 20, 30, 40, 50 or 60, got ''; kept the previous value"),
                messages(l.warnings()));
        assertEquals(20, l.config().account().ptimeMs());
    }

    @Test
    void otherAccountsAreIgnoredWithOneWarningEach() {
        ConfigLoad.Loaded l = loaded(ACCOUNT + """
                account.2.enable = 1
                account.2.user_name = 1002
                account.3.enable = 0
                account.1.no_such_thing = 1
                """);
        assertEquals(List.of(
                "sipdesk.cfg:5: account.2.enable: only account 1 is used; every account.2 line is ignored",
                "sipdesk.cfg:7: account.3.enable: only account 1 is used; every account.3 line is ignored",
                "sipdesk.cfg:8: account.1.no_such_thing: unknown key; ignored"), messages(l.warnings()));
        assertEquals("1001", l.config().account().userName());
    }

    @Test
    void aFileWithNulBytesIsRejected() {
        ConfigLoad.Rejected r = assertInstanceOf(ConfigLoad.Rejected.class,
                ConfigFile.parse("sipdesk.cfg", "account.1.enable = 1\nab\0cd\n".getBytes(UTF_8), Strictness.LENIENT));
        assertEquals(List.of("sipdesk.cfg: not a text file: NUL byte on line 2"), messages(r.errors()));
    }

    @Test
    void aFileThatIsNotUtf8IsRejected() {
        byte[] latin1 = "account.1.label = Caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        ConfigLoad.Rejected r = assertInstanceOf(ConfigLoad.Rejected.class,
                ConfigFile.parse("sipdesk.cfg", latin1, Strictness.LENIENT));
        assertEquals(List.of("sipdesk.cfg: not a text file: invalid UTF-8 on line 1"), messages(r.errors()));
    }

    @Test
    void anEnabledAccountWithoutServerIsRejected() {
        ConfigLoad.Rejected r = assertInstanceOf(ConfigLoad.Rejected.class, parse("""
                account.1.enable = 1
                account.1.user_name = 1001
                account.1.sip_server.1.address = %NULL%
                bogus.key = 1
                """));
        assertEquals(List.of("sipdesk.cfg:1: account.1.sip_server.1.address: required when account.1.enable = 1, but missing or empty"),
                messages(r.errors()));
        assertEquals(List.of("sipdesk.cfg:4: bogus.key: unknown key; ignored"), messages(r.warnings()));
    }

    @Test
    void anEnabledAccountWithoutUserNameIsRejected() {
        ConfigLoad.Rejected r = assertInstanceOf(ConfigLoad.Rejected.class, parse("""
                account.1.sip_server.1.address = pbx.example.com
                account.1.enable = 1
                """));
        assertEquals(List.of("sipdesk.cfg:2: account.1.user_name: required when account.1.enable = 1, but missing or empty"),
                messages(r.errors()));
    }

    @Test
    void anAccountWithServerAndUserButNoEnableLineIsAWarning() {
        ConfigLoad.Loaded l = loaded("account.1.sip_server.1.address = pbx\naccount.1.user_name = 1001\n");
        assertEquals(List.of("sipdesk.cfg:2: account.1.enable: not set, so account 1 is off although it has a server and a user name; "
                + "add account.1.enable = 1"), messages(l.warnings()));
        assertFalse(l.config().account().enabled());
        assertEquals(List.of(), loaded("account.1.enable = 0\naccount.1.sip_server.1.address = pbx\naccount.1.user_name = 1001\n")
                .warnings());
    }

    @Test
    void aDisabledAccountNeedsNoServer() {
        assertFalse(config("account.1.enable = 0\naccount.1.label = Spare\n").account().enabled());
    }

    @Test
    void strictModeRejectsUnusableValuesButOnlyWarnsAboutUnknownKeys() {
        String text = ACCOUNT + "account.1.sip_server.1.port = 50x0\nbogus.key = 1\n";
        ConfigLoad.Rejected r = assertInstanceOf(ConfigLoad.Rejected.class,
                ConfigFile.parse("sipdesk.cfg", text.getBytes(UTF_8), Strictness.STRICT));
        assertEquals(List.of("sipdesk.cfg:5: account.1.sip_server.1.port: expected 0..65535, got '50x0'; kept the previous value"),
                messages(r.errors()));
        assertEquals(List.of("sipdesk.cfg:6: bogus.key: unknown key; ignored"), messages(r.warnings()));

        ConfigLoad.Loaded l = assertInstanceOf(ConfigLoad.Loaded.class,
                ConfigFile.parse("sipdesk.cfg", (ACCOUNT + "bogus.key = 1\nbogus line\naccount.3.enable = 1\n").getBytes(UTF_8),
                        Strictness.STRICT));
        assertEquals(3, l.warnings().size());
    }

    @Test
    void strictModeRejectsAKnownKeyThatLostItsEquals() {
        ConfigLoad.Rejected r = assertInstanceOf(ConfigLoad.Rejected.class,
                ConfigFile.parse("sipdesk.cfg", (ACCOUNT + "account.1.label Desk\n").getBytes(UTF_8), Strictness.STRICT));
        assertEquals(List.of("sipdesk.cfg:5: account.1.label: expected 'key = value', the line has no '='; ignored"),
                messages(r.errors()));
    }

    @Test
    void thePasswordIsNeverShown() {
        String password = "s3cr3t-PW";
        ConfigLoad.Loaded l = loaded(ACCOUNT + "account.1.password = " + password + "\n"
                + "account.1.password " + password + "\n"
                + "account.2.password = " + password + "\n");
        assertEquals(password, l.config().account().password().reveal());
        assertFalse(l.config().toString().contains(password), l.config().toString());
        assertFalse(l.config().account().toString().contains(password));
        assertEquals("****", l.config().account().password().toString());
        assertEquals(2, l.warnings().size());
        l.warnings().forEach(w -> assertFalse(w.message().contains(password), w.message()));

        ConfigLoad r = parse("account.1.enable = 1\naccount.1.password = " + password + "\n");
        assertInstanceOf(ConfigLoad.Rejected.class, r);
        ((ConfigLoad.Rejected) r).errors().forEach(e -> assertFalse(e.message().contains(password)));
        assertFalse(r.toString().contains(password));
    }

    @Test
    void aMessyProvisioningFileLoadsWithWarningsOnly() {
        ConfigLoad.Loaded l = loaded("""
                #!version:1.0.0.1
                ##File header "#!version:1.0.0.1" can not be edited or deleted.##

                account.1.enable = 1
                account.1.label = 201
                account.1.display_name = Front Desk
                account.1.auth_name = 201
                account.1.user_name = 201
                account.1.password = p@ss=w#rd:1
                account.1.sip_server.1.address = pbx.example.com
                account.1.sip_server.1.port = 5060
                account.1.sip_server.1.transport_type = 0
                account.1.sip_server.2.address =
                account.1.sip_server.2.port =
                account.1.codec.1.enable = 1
                account.1.codec.1.payload_type = PCMU
                account.1.subscribe_mwi_to_vm = 1
                features.dtmf.transfer = #
                static.auto_provision.server.url = https://prov.example.com/app/provision/?mac=001565000000&x=1
                account.2.enable = 0
                account.2.label =
                voice.tone.country = Germany
                """);
        assertEquals("p@ss=w#rd:1", l.config().account().password().reveal());
        assertEquals("Germany", l.config().tones().country());
        assertEquals(Optional.empty(), l.config().account().backupServer().address());
        assertEquals(List.of(17, 18, 19, 20), l.warnings().stream().map(ConfigProblem::line).toList());
    }

    @Test
    void numberedCodecSlotsOfOlderFirmwareMeanWhatTheirPayloadTypeSays() {
        ConfigLoad.Loaded l = loaded(ACCOUNT + """
                account.1.codec.1.enable = 0
                account.1.codec.1.priority = 4
                account.1.codec.1.payload_type = G722
                account.1.codec.2.priority = 1
                account.1.codec.2.payload_type = PCMA
                account.1.codec.3.payload_type = G729
                account.1.codec.3.enable = 1
                account.1.codec.4.enable = 1
                account.1.codec.2.enable = maybe
                """);
        assertEquals(List.of(Codec.PCMA, Codec.PCMU), l.config().account().codecs());
        assertEquals(List.of(
                "sipdesk.cfg:10: account.1.codec.3.payload_type: sipdesk speaks PCMU, PCMA and G722, not 'G729'; slot ignored",
                "sipdesk.cfg:12: account.1.codec.4.enable: codec slot 4 has no account.1.codec.4.payload_type line; slot ignored",
                "sipdesk.cfg:13: account.1.codec.2.enable: expected 0 or 1, got 'maybe'; kept the previous value"),
                messages(l.warnings()));
    }

    @Test
    void betweenACodecSlotAndANamedCodecKeyTheLaterLineWins() {
        SipdeskConfig c = config(ACCOUNT + """
                account.1.codec.pcmu.enable = 0
                account.1.codec.1.payload_type = PCMU
                account.1.codec.1.enable = 1
                account.1.codec.pcma.enable = 0
                account.1.codec.pcma.priority = 9
                account.1.codec.2.payload_type = PCMA
                account.1.codec.2.enable = 1
                account.1.codec.pcma.enable = 0
                """);
        assertEquals(List.of(Codec.G722, Codec.PCMU), c.account().codecs());
    }

    @Test
    void aFileThatCannotBeReadIsRejectedWithTheReason(@TempDir Path dir) {
        ConfigLoad.Rejected r = assertInstanceOf(ConfigLoad.Rejected.class,
                ConfigFile.load(dir.resolve("missing.cfg"), Strictness.LENIENT));
        assertEquals(List.of(dir.resolve("missing.cfg") + ": no such file"), messages(r.errors()));
    }
}
