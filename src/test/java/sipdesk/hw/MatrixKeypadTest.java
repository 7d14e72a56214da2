package sipdesk.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pi4j.context.Context;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sipdesk.core.Key;
import sipdesk.core.PhoneEvent;
import sipdesk.core.PhoneEvent.KeyLongPress;
import sipdesk.core.PhoneEvent.KeyPress;

class MatrixKeypadTest {
    private static final Duration SCAN = Duration.ofMillis(5); // 200 Hz
    private Context pi4j;
    private final RecordingSink sink = new RecordingSink();
    private final FakeNanoClock clock = new FakeNanoClock();
    private MatrixKeypad keypad;
    private KeypadFinger finger;

    @BeforeEach
    void setUp() {
        pi4j = MockPi.context();
    }

    @AfterEach
    void tearDown() {
        pi4j.shutdown();
    }

    private void open(KeypadWiring wiring) {
        keypad = MatrixKeypad.open(pi4j, wiring, sink);
        finger = new KeypadFinger(pi4j, wiring);
    }

    /** Scans for {@code d} at the scan rate. */
    private void scanFor(Duration d) {
        long end = clock.now() + d.toNanos();
        while (clock.now() < end) {
            keypad.scan(clock.now());
            clock.advance(SCAN);
        }
    }

    @Test
    void aPressedKeyIsPostedOnceAfterTheDebounce() {
        open(KeypadWiring.DEFAULT_4X3);
        finger.press(1, 1);
        scanFor(Duration.ofMillis(15));
        assertEquals(List.of(), sink.events(), "not before 20 ms");

        scanFor(Duration.ofMillis(100));
        finger.release(1, 1);
        scanFor(Duration.ofMillis(100));

        assertEquals(List.of(new KeyPress(Key.DIGIT_5)), sink.events());
        assertEquals(1, finger.maxRowsDriven, "one row driven at a time");
    }

    @Test
    void everyKeyOfThePhoneLayoutIsWhereItShouldBe() {
        open(KeypadWiring.DEFAULT_4X3);
        String expected = "123456789*0#";
        for (int i = 0; i < 12; i++) {
            finger.press(i / 3, i % 3);
            scanFor(Duration.ofMillis(40));
            finger.releaseAll();
            scanFor(Duration.ofMillis(40));
        }
        StringBuilder typed = new StringBuilder();
        for (PhoneEvent e : sink.events()) typed.append(((KeyPress) e).key().symbol());
        assertEquals(expected, typed.toString());
    }

    @Test
    void theFourthColumnOfA4x4PadGivesTheSoftKeys() {
        open(KeypadWiring.DEFAULT_4X4);
        for (int row = 0; row < 4; row++) {
            finger.press(row, 3);
            scanFor(Duration.ofMillis(40));
            finger.releaseAll();
            scanFor(Duration.ofMillis(40));
        }
        assertEquals(List.of(new KeyPress(Key.OK), new KeyPress(Key.CANCEL), new KeyPress(Key.REDIAL),
                new KeyPress(Key.HOLD)), sink.events());
    }

    @Test
    void contactBounceShorterThanTheDebounceIsIgnored() {
        open(KeypadWiring.DEFAULT_4X3);
        for (int i = 0; i < 5; i++) {
            finger.press(0, 0);
            scanFor(Duration.ofMillis(10));
            finger.release(0, 0);
            scanFor(Duration.ofMillis(5));
        }
        assertEquals(List.of(), sink.events());
    }

    @Test
    void aBouncyPressStillCountsOnce() {
        open(KeypadWiring.DEFAULT_4X3);
        for (int i = 0; i < 3; i++) {
            finger.press(2, 2);
            scanFor(Duration.ofMillis(5));
            finger.release(2, 2);
            scanFor(Duration.ofMillis(5));
        }
        finger.press(2, 2);
        scanFor(Duration.ofMillis(200));
        for (int i = 0; i < 3; i++) {
            finger.release(2, 2);
            scanFor(Duration.ofMillis(5));
            finger.press(2, 2);
            scanFor(Duration.ofMillis(5));
        }
        finger.release(2, 2);
        scanFor(Duration.ofMillis(100));

        assertEquals(List.of(new KeyPress(Key.DIGIT_9)), sink.events());
    }

    @Test
    void threeKeysAtTheCornersOfARectangleGiveNoGhostKey() {
        open(KeypadWiring.DEFAULT_4X3);
        finger.press(0, 0); // 1
        finger.press(0, 1); // 2
        finger.press(1, 0); // 4: with 1 and 2, makes 5 (row 1, column 1) read pressed too
        scanFor(Duration.ofMillis(200));
        finger.releaseAll();
        scanFor(Duration.ofMillis(100));

        assertEquals(List.of(), sink.events());
    }

    @Test
    void aSecondKeyWhileOneIsHeldWaitsForTheFirstToBeReleased() {
        open(KeypadWiring.DEFAULT_4X3);
        finger.press(0, 0);
        scanFor(Duration.ofMillis(50));
        finger.press(3, 2);
        scanFor(Duration.ofMillis(100));
        assertEquals(List.of(new KeyPress(Key.DIGIT_1)), sink.events());

        finger.release(0, 0);
        scanFor(Duration.ofMillis(50));

        assertEquals(List.of(new KeyPress(Key.DIGIT_1), new KeyPress(Key.POUND)), sink.events());
    }

    @Test
    void holdingAKeyForASecondAddsALongPress() {
        open(KeypadWiring.DEFAULT_4X3);
        finger.press(3, 1);
        scanFor(Duration.ofMillis(990));
        assertEquals(List.of(new KeyPress(Key.DIGIT_0)), sink.events());

        scanFor(Duration.ofMillis(20));
        scanFor(Duration.ofSeconds(3));
        finger.releaseAll();
        scanFor(Duration.ofMillis(100));

        assertEquals(List.of(new KeyPress(Key.DIGIT_0), new KeyLongPress(Key.DIGIT_0)), sink.events());
    }

    @Test
    void aStuckKeyIsIgnoredAndDoesNotBlockTheOthers() {
        open(KeypadWiring.DEFAULT_4X3);
        finger.press(0, 2); // 3, stuck under the bezel
        scanFor(Duration.ofSeconds(31));
        sink.take();

        finger.press(1, 0); // 4
        scanFor(Duration.ofMillis(50));
        finger.release(1, 0);
        scanFor(Duration.ofMillis(50));

        assertEquals(List.of(new KeyPress(Key.DIGIT_4)), sink.take());

        finger.release(0, 2); // freed: works again
        scanFor(Duration.ofMillis(50));
        finger.press(0, 2);
        scanFor(Duration.ofMillis(50));
        assertEquals(List.of(new KeyPress(Key.DIGIT_3)), sink.take());
    }

    @Test
    void reversedPolarityDrivesRowsHighAndReadsHighColumns() {
        KeypadWiring w = KeypadWiring.DEFAULT_4X3;
        open(new KeypadWiring(w.rows(), w.columns(), w.layout(), false, w.debounce(), w.longPress(), w.stuckAfter()));
        finger.press(2, 0);
        scanFor(Duration.ofMillis(50));

        assertEquals(List.of(new KeyPress(Key.DIGIT_7)), sink.events());
    }

    @Test
    void aCustomLayoutMapsItsKeys() {
        KeypadWiring w = KeypadWiring.DEFAULT_4X3;
        List<List<Key>> layout = List.of(
                List.of(Key.DIGIT_7, Key.DIGIT_8, Key.DIGIT_9), List.of(Key.DIGIT_4, Key.DIGIT_5, Key.DIGIT_6),
                List.of(Key.DIGIT_1, Key.DIGIT_2, Key.DIGIT_3), List.of(Key.STAR, Key.DIGIT_0, Key.POUND));
        open(new KeypadWiring(w.rows(), w.columns(), layout, true, w.debounce(), w.longPress(), w.stuckAfter()));
        finger.press(0, 0);
        scanFor(Duration.ofMillis(50));

        assertEquals(List.of(new KeyPress(Key.DIGIT_7)), sink.events());
    }
}
