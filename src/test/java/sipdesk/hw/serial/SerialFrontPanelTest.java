package sipdesk.hw.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sipdesk.core.Glyph;
import sipdesk.core.Key;
import sipdesk.core.PhoneEvent;
import sipdesk.core.Screen;
import sipdesk.config.SipdeskConfig;
import sipdesk.hw.FrontPanels;
import sipdesk.hw.HardwareUnavailableException;
import sipdesk.hw.LcdSize;
import sipdesk.testing.LogRecorder;

class SerialFrontPanelTest {
    private long now = 5_000_000_000L;
    private final FakePanelPort port = new FakePanelPort();
    private final List<PhoneEvent> events = new ArrayList<>();
    private final LogRecorder log = new LogRecorder(SerialFrontPanel.class);
    private final SerialFrontPanel.Options options = new SerialFrontPanel.Options(() -> now, Duration.ofSeconds(3),
            Duration.ofSeconds(2), Duration.ofSeconds(7), Duration.ofSeconds(30));

    @AfterEach
    void detachLog() {
        log.close();
    }

    private SerialFrontPanel open() {
        return SerialFrontPanel.open(port.connector(), LcdSize.LCD_16X2, events::add, options);
    }

    /** Time passes in 10 ms polls, as on the hardware thread. */
    private void run(SerialFrontPanel panel, Duration d) {
        long end = now + d.toNanos();
        while (now < end) {
            now += 10_000_000L;
            panel.poll(now);
        }
    }

    private static Screen screen(String a, String b, Screen.Lamp... lamps) {
        return new Screen(List.of(a, b), Set.of(lamps));
    }

    @Test
    void keysLongPressesAndTheHookBecomePhoneEvents() {
        SerialFrontPanel panel = open();
        port.send("HELLO test-fw 1", "K 5", "L #", "H 1", "F", "H 1", "H 0", "K OK");
        panel.poll(now);
        assertEquals(List.of(new PhoneEvent.KeyPress(Key.DIGIT_5), new PhoneEvent.KeyLongPress(Key.POUND),
                new PhoneEvent.HookOff(), new PhoneEvent.HookFlash(), new PhoneEvent.HookOn(),
                new PhoneEvent.KeyPress(Key.OK)), events);
        assertEquals("test-fw 1", panel.firmware());
        assertTrue(panel.isConnected());
    }

    @Test
    void theScreenGlyphsLampsBacklightAndRingerAreSentOnceThePanelAnswers() {
        SerialFrontPanel panel = open();
        panel.show(screen(Glyph.REGISTERED + " Front desk", "12:00", Screen.Lamp.DND));
        panel.poll(now);
        assertEquals(List.of("PING"), port.take()); // nothing else before it answers
        port.send("PONG");
        panel.poll(now);
        List<String> sent = port.take();
        assertEquals(7, sent.stream().filter(l -> l.startsWith("G ")).count());
        assertEquals(List.of("D 0 \\1 Front desk   \\x20", "D 1 12:00          \\x20", "LED dnd 1", "LED message_waiting 0",
                "LED forward 0", "LED registered 0", "LED in_use 0", "B 1", "R 0"),
                sent.stream().filter(l -> !l.startsWith("G ")).toList());
    }

    @Test
    void onlyWhatChangedIsSentAgain() {
        SerialFrontPanel panel = open();
        port.send("HELLO x");
        panel.show(screen("Idle", ""));
        panel.poll(now);
        port.take();
        panel.show(screen("Idle", "1002", Screen.Lamp.MESSAGE_WAITING));
        panel.ring(true);
        panel.poll(now);
        assertEquals(List.of("D 1 1002           \\x20", "LED message_waiting 1", "R 1"), port.take());
        panel.poll(now);
        assertEquals(List.of(), port.take());
    }

    @Test
    void itAnswersPingsAndPingsEveryTwoSeconds() {
        SerialFrontPanel panel = open();
        port.send("HELLO x", "PING");
        panel.poll(now);
        List<String> first = port.take();
        assertTrue(first.contains("PONG"), first.toString());
        port.send("PONG");
        run(panel, Duration.ofSeconds(2));
        port.send("PONG");
        run(panel, Duration.ofSeconds(2));
        assertEquals(List.of("PING", "PING"), port.take());
    }

    @Test
    void aPanelThatStopsAnsweringIsReopenedWithOneWarning() {
        SerialFrontPanel panel = open();
        port.send("HELLO x");
        panel.poll(now);
        run(panel, Duration.ofSeconds(8)); // PINGs go unanswered
        assertFalse(panel.isConnected());
        assertEquals(List.of("serial front panel unavailable: /dev/ttyFAKE: no answer for 7 s (PING without PONG);"
                + " the phone carries on without it and retries every 3 s"), log.at(Level.WARNING));
        run(panel, Duration.ofSeconds(30)); // reopened, silent again, several times
        assertTrue(port.opens >= 3, "opens: " + port.opens);
        assertEquals(1, log.at(Level.WARNING).size());
    }

    @Test
    void anUnpluggedPanelIsReconnectedWhenItComesBackAndGetsTheWholeStateAgain() {
        SerialFrontPanel panel = open();
        panel.show(screen("Idle", ""));
        port.send("HELLO x");
        panel.poll(now);
        port.take();

        port.unplug();
        run(panel, Duration.ofSeconds(20)); // every retry finds no device
        assertFalse(panel.isConnected());
        assertEquals(1, log.at(Level.WARNING).size());
        assertTrue(log.at(Level.WARNING).get(0).contains("pipe closed"), log.at(Level.WARNING).toString());
        panel.show(screen("Ringing", "Alice"));

        port.plugIn();
        run(panel, Duration.ofSeconds(3));
        assertEquals(List.of("PING"), port.take());
        port.send("HELLO x");
        run(panel, Duration.ofMillis(20));
        List<String> sent = port.take();
        assertTrue(sent.contains("D 0 Ringing        \\x20") && sent.contains("D 1 Alice          \\x20"), sent.toString());
        assertTrue(panel.isConnected());
        assertEquals(List.of("serial front panel on /dev/ttyFAKE: firmware 'x'",
                "serial front panel on /dev/ttyFAKE answers again", "serial front panel on /dev/ttyFAKE: firmware 'x'"),
                log.at(Level.INFO));
    }

    @Test
    void aPanelPluggedInAfterStartUpIsPickedUp() {
        port.refuseWith(SerialLinkException.Reason.NOT_FOUND);
        SerialFrontPanel panel = open();
        assertFalse(panel.isConnected());
        port.plugIn();
        port.connector(); // nothing opened yet: the retry is due in 3 s
        run(panel, Duration.ofSeconds(3));
        port.send("K 1");
        panel.poll(now);
        assertEquals(List.of(new PhoneEvent.KeyPress(Key.DIGIT_1)), events);
    }

    @Test
    void noPermissionIsRefusedAtOnceWithTheGroupToJoin() {
        SerialConnector denied = () -> {
            throw JsscSerialLink.translate("/dev/ttyACM0",
                    new jssc.SerialPortException("/dev/ttyACM0", "openPort()", jssc.SerialPortException.TYPE_PERMISSION_DENIED));
        };
        HardwareUnavailableException e = assertThrows(HardwareUnavailableException.class,
                () -> SerialFrontPanel.open(denied, LcdSize.LCD_16X2, events::add, options));
        assertEquals("serial front panel: permission denied on /dev/ttyACM0: add the service user to group 'dialout'"
                + " (sudo usermod -aG dialout sipdesk) and restart the service", e.getMessage());
    }

    @Test
    void badLinesAreWarnedAboutAFewTimesAndNeverStopThePanel() {
        SerialFrontPanel panel = open();
        for (int i = 0; i < 8; i++) port.send("K Z");
        port.send("\u00ff\u00fe", "K 2");
        panel.poll(now);
        assertEquals(List.of(new PhoneEvent.KeyPress(Key.DIGIT_2)), events);
        assertEquals(SerialFrontPanel.MALFORMED_WARNINGS, log.at(Level.WARNING).size());
        assertTrue(log.at(Level.WARNING).get(0).startsWith("serial front panel on /dev/ttyFAKE: ignored line 'K Z': unknown key 'Z'"),
                log.at(Level.WARNING).get(0));
        assertTrue(panel.isConnected());
    }

    @Test
    void theBacklightGoesOffAfterTheTimeoutAndAKeyWakesIt() {
        SerialFrontPanel panel = open();
        panel.show(screen("Idle", ""));
        port.send("HELLO x");
        panel.poll(now);
        assertTrue(port.take().contains("B 1"));
        for (int i = 0; i < 16; i++) {
            run(panel, Duration.ofSeconds(2));
            port.send("PONG");
        }
        assertFalse(panel.isBacklightOn());
        assertTrue(port.take().contains("B 0"));
        port.send("K 0");
        panel.poll(now);
        assertEquals(List.of("B 1"), port.take());
    }

    @Test
    void closingStopsTheRingerAndTheBacklight() {
        SerialFrontPanel panel = open();
        port.send("HELLO x");
        panel.ring(true);
        panel.poll(now);
        port.take();
        panel.close();
        assertEquals(List.of("R 0", "B 0"), port.take());
    }

    @Test
    void fromTheConfigLongPressesFollowTheKeypadSettingsAndTheBacklightItsTimeout() {
        SipdeskConfig cfg = config("""
                sipdesk.hardware = serial
                sipdesk.keypad.long_press.0 = forward
                sipdesk.lcd.backlight_timeout = 0
                sipdesk.lcd.columns = 20
                sipdesk.lcd.rows = 4
                """);
        SerialFrontPanel panel = FrontPanels.openSerial(port.connector(), cfg, events::add, options);
        port.send("HELLO x", "L 0", "L #");
        panel.show(new Screen(List.of("a", "b", "c", "d"), Set.of()));
        run(panel, Duration.ofMillis(100));
        assertEquals(List.of(new PhoneEvent.KeyPress(Key.FORWARD), new PhoneEvent.KeyPress(Key.DND)), events);
        assertTrue(port.take().contains("D 3 d                  \\x20"));
        run(panel, Duration.ofSeconds(60));
        assertTrue(panel.isBacklightOn());
    }

    private static SipdeskConfig config(String text) {
        var load = sipdesk.config.ConfigFile.parse("sipdesk.cfg", text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                sipdesk.config.Strictness.LENIENT);
        return ((sipdesk.config.ConfigLoad.Loaded) load).config();
    }
}
