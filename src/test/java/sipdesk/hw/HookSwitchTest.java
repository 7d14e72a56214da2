package sipdesk.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sipdesk.core.PhoneEvent.HookFlash;
import sipdesk.core.PhoneEvent.HookOff;
import sipdesk.core.PhoneEvent.HookOn;

class HookSwitchTest {
    private static final Duration POLL = Duration.ofMillis(5);
    private Context pi4j;
    private final RecordingSink sink = new RecordingSink();
    private final FakeNanoClock clock = new FakeNanoClock();
    private HookSwitch hook;
    private MockDigitalInput line;

    @BeforeEach
    void setUp() {
        pi4j = MockPi.context();
        hook = HookSwitch.open(pi4j, HookWiring.DEFAULT, sink);
        line = pi4j.io("hook");
        onHook(); // handset down at boot: the NO switch is closed, pulled-up input reads LOW
        pollFor(Duration.ofMillis(100));
    }

    @AfterEach
    void tearDown() {
        pi4j.shutdown();
    }

    private void onHook() {
        line.mockState(DigitalState.LOW);
    }

    private void offHook() {
        line.mockState(DigitalState.HIGH);
    }

    private void pollFor(Duration d) {
        long end = clock.now() + d.toNanos();
        while (clock.now() < end) {
            hook.poll(clock.now());
            clock.advance(POLL);
        }
    }

    @Test
    void liftingTheHandsetIsHookOffAfterTheDebounce() {
        offHook();
        pollFor(Duration.ofMillis(45));
        assertEquals(List.of(), sink.events());

        pollFor(Duration.ofMillis(10));
        assertEquals(List.of(new HookOff()), sink.events());
    }

    @Test
    void bounceOfTheCradleSwitchIsIgnored() {
        for (int i = 0; i < 6; i++) {
            offHook();
            pollFor(Duration.ofMillis(15));
            onHook();
            pollFor(Duration.ofMillis(10));
        }
        pollFor(Duration.ofSeconds(1));
        assertEquals(List.of(), sink.events());
    }

    @Test
    void aShortOnHookIsAFlashAndNothingElse() {
        offHook();
        pollFor(Duration.ofMillis(500));
        sink.take();

        onHook();
        pollFor(Duration.ofMillis(300));
        offHook();
        pollFor(Duration.ofSeconds(2));

        assertEquals(List.of(new HookFlash()), sink.events());
    }

    @Test
    void anOnHookPastTheFlashMaximumIsAHangUp() {
        offHook();
        pollFor(Duration.ofMillis(500));
        sink.take();

        onHook();
        pollFor(Duration.ofMillis(690));
        assertEquals(List.of(), sink.events(), "could still be a flash");
        pollFor(Duration.ofMillis(20));
        assertEquals(List.of(new HookOn()), sink.events());

        offHook();
        pollFor(Duration.ofMillis(100));
        assertEquals(List.of(new HookOn(), new HookOff()), sink.events());
    }

    @Test
    void anOnHookShorterThanTheFlashMinimumIsIgnored() {
        offHook();
        pollFor(Duration.ofMillis(500));
        sink.take();

        onHook();
        pollFor(Duration.ofMillis(80)); // debounced (50 ms) but under 100 ms
        offHook();
        pollFor(Duration.ofSeconds(1));

        assertEquals(List.of(), sink.events());
    }

    @Test
    void aHandsetAlreadyUpAtStartIsReportedOnce() {
        pi4j.shutdown();
        pi4j = MockPi.context();
        hook = HookSwitch.open(pi4j, HookWiring.DEFAULT, sink);
        line = pi4j.io("hook");
        offHook();
        pollFor(Duration.ofMillis(200));

        assertEquals(List.of(new HookOff()), sink.events());
    }

    @Test
    void aNormallyClosedSwitchReadsTheOtherWay() {
        pi4j.shutdown();
        pi4j = MockPi.context();
        HookWiring nc = new HookWiring(17, false, Pull.UP, Duration.ofMillis(50), Duration.ofMillis(100),
                Duration.ofMillis(700));
        hook = HookSwitch.open(pi4j, nc, sink);
        line = pi4j.io("hook");
        line.mockState(DigitalState.HIGH); // NC, handset down: open, pulled up
        pollFor(Duration.ofMillis(100));
        line.mockState(DigitalState.LOW); // lifted: closed
        pollFor(Duration.ofMillis(100));

        assertEquals(List.of(new HookOff()), sink.events());
    }
}
