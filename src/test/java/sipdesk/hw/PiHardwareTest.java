package sipdesk.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sipdesk.core.Key;
import sipdesk.core.PhoneEvent.KeyPress;
import sipdesk.core.Screen;

class PiHardwareTest {
    private Context pi4j;
    private final RecordingSink sink = new RecordingSink();
    private final FakeNanoClock clock = new FakeNanoClock();

    @BeforeEach
    void setUp() {
        pi4j = MockPi.context();
    }

    @AfterEach
    void tearDown() {
        pi4j.shutdown();
    }

    @Test
    void mockProvidersAreRefusedOutsideTests() {
        HardwareUnavailableException e = assertThrows(HardwareUnavailableException.class,
                () -> PiHardware.open(pi4j, PinMap.DEFAULT, sink));
        assertTrue(e.getMessage().contains("mock provider 'mock-digital-input'"), e.getMessage());
        assertTrue(e.getMessage().contains("pi4j-plugin-mock"), e.getMessage());
    }

    @Test
    void theDefaultWiringOpensEveryPart() {
        try (PiFrontPanel panel = PiHardware.open(pi4j, PinMap.DEFAULT.withButtons(ButtonWiring.DEFAULT), sink,
                MockPi.options(clock))) {
            assertTrue(panel.lcd().orElseThrow().isHealthy());
            assertTrue(panel.ringer().isPresent());
            assertTrue(panel.hook().isPresent());
            for (String id : List.of("keypad-row-0", "keypad-row-3", "keypad-column-2", "hook", "lamp-dnd",
                    "lamp-message_waiting", "ringer", "button-speaker", "button-dnd", "lcd")) {
                assertTrue(pi4j.hasIO(id), id);
            }
        }
    }

    @Test
    void lampsFollowTheScreen() {
        try (PiFrontPanel panel = PiHardware.open(pi4j, PinMap.DEFAULT, sink, MockPi.options(clock))) {
            MockDigitalOutput dnd = pi4j.io("lamp-dnd");
            MockDigitalOutput mwi = pi4j.io("lamp-message_waiting");

            panel.display().show(new Screen(List.of("DND", ""), Set.of(Screen.Lamp.DND)));
            assertEquals(DigitalState.HIGH, dnd.state());
            assertEquals(DigitalState.LOW, mwi.state());

            panel.display().show(new Screen(List.of("Idle", ""), Set.of(Screen.Lamp.MESSAGE_WAITING)));
            assertEquals(DigitalState.LOW, dnd.state());
            assertEquals(DigitalState.HIGH, mwi.state());
        }
    }

    @Test
    void aButtonPressIsAKeyAndWakesTheBacklight() {
        PinMap map = new PinMap(Optional.empty(), Optional.empty(),
                Optional.of(LcdWiring.DEFAULT.withBacklightTimeout(Duration.ofSeconds(10))), Optional.empty(),
                Optional.empty(), new ButtonWiring(Map.of(22, Key.SPEAKER), Pull.UP, Duration.ofMillis(20),
                        Duration.ofSeconds(1), Duration.ofSeconds(30)));
        try (PiFrontPanel panel = PiHardware.open(pi4j, map, sink, MockPi.options(clock))) {
            MockDigitalInput speaker = pi4j.io("button-speaker");
            speaker.mockState(DigitalState.HIGH);
            panel.poll(clock.advance(Duration.ofSeconds(11)));
            assertFalse(panel.lcd().orElseThrow().isBacklightOn());

            speaker.mockState(DigitalState.LOW);
            for (int i = 0; i < 10; i++) panel.poll(clock.advance(Duration.ofMillis(5)));

            assertEquals(List.of(new KeyPress(Key.SPEAKER)), sink.events());
            assertTrue(panel.lcd().orElseThrow().isBacklightOn());
        }
    }

    @Test
    void theRingerFollowsItsCadence() {
        try (PiFrontPanel panel = PiHardware.open(pi4j, PinMap.DEFAULT, sink, MockPi.options(clock))) {
            MockDigitalOutput bell = pi4j.io("ringer");
            GpioRinger ringer = panel.ringer().orElseThrow();
            assertEquals(DigitalState.LOW, bell.state());

            ringer.start();
            panel.poll(clock.advance(Duration.ofMillis(1990)));
            assertEquals(DigitalState.HIGH, bell.state());
            panel.poll(clock.advance(Duration.ofMillis(20)));
            assertEquals(DigitalState.LOW, bell.state());
            panel.poll(clock.advance(Duration.ofSeconds(4)));
            assertEquals(DigitalState.HIGH, bell.state());

            ringer.stop();
            assertEquals(DigitalState.LOW, bell.state());
            panel.poll(clock.advance(Duration.ofSeconds(6)));
            assertEquals(DigitalState.LOW, bell.state());
        }
    }

    @Test
    void wiringTwoPartsToOneGpioIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                PinMap.DEFAULT.withButtons(new ButtonWiring(Map.of(17, Key.HOLD), Pull.UP, Duration.ofMillis(20),
                        Duration.ofSeconds(1), Duration.ofSeconds(30))));
        assertEquals("GPIO17 is wired twice: hook and button HOLD", e.getMessage());
    }

    @Test
    void permissionErrorsNameTheDeviceAndTheGroup() {
        RuntimeException denied = new RuntimeException("line request failed",
                new java.io.IOException("open /dev/gpiochip0: Permission denied"));
        assertTrue(HardwareFaults.isPermissionDenied(denied));
        assertEquals("permission denied on /dev/gpiochip*: add the service user to group 'gpio' "
                + "(sudo usermod -aG gpio sipdesk) and restart the service",
                HardwareFaults.describe(denied, "/dev/gpiochip*", "gpio"));
    }
}
