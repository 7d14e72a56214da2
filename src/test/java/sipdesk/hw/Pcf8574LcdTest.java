package sipdesk.hw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sipdesk.core.Glyph;
import sipdesk.core.Screen;

class Pcf8574LcdTest {
    private Context pi4j;
    private final List<LogRecord> warnings = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) warnings.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void setUp() {
        pi4j = MockPi.context();
        Logger.getLogger(Pcf8574Lcd.class.getName()).addHandler(handler);
    }

    @AfterEach
    void tearDown() {
        Logger.getLogger(Pcf8574Lcd.class.getName()).removeHandler(handler);
        pi4j.shutdown();
    }

    private static Screen screen(String... lines) {
        return new Screen(List.of(lines), Set.of());
    }

    @Test
    void initialisationFollowsTheDatasheetResetByInstruction() {
        LcdBench bench = new LcdBench(pi4j, LcdWiring.DEFAULT);
        bench.lcd.start();
        bench.drain();

        List<String> log = bench.model.log();
        // The PCF8574 powers up with every output high (E and RW too): our first byte drops E,
        // which ends one harmless read cycle; then the reset by instruction.
        assertEquals(List.of("power-up read", "wait 50000us",
                "nibble8 3", "wait 4500us",
                "nibble8 3", "wait 150us",
                "nibble8 3", "nibble8 2",
                "cmd 28", "cmd 08", "cmd 01", "wait 2000us",
                "cmd 06"), log.subList(0, 13));
        assertEquals("cmd 0C", log.get(log.size() - 1));
        assertTrue(bench.model.twoLines && bench.model.displayOn && bench.model.increment && bench.model.backlight);
        for (int slot = 0; slot < LcdCharset.glyphCount(); slot++) {
            assertArrayEquals(LcdCharset.bitmap(slot), bench.model.cgramCharacter(slot), "CGRAM slot " + slot);
        }
    }

    @Test
    void datasheetWaitsAreLongEnough() {
        assertTrue(Pcf8574Lcd.POWER_ON_WAIT_NANOS > 40_000_000L);
        assertTrue(Pcf8574Lcd.FIRST_RESET_WAIT_NANOS > 4_100_000L);
        assertTrue(Pcf8574Lcd.SECOND_RESET_WAIT_NANOS > 100_000L);
        assertTrue(Pcf8574Lcd.CLEAR_WAIT_NANOS > 1_520_000L);
    }

    @Test
    void showsTwoLinesOnA16x2() {
        LcdBench bench = new LcdBench(pi4j, LcdWiring.DEFAULT);
        bench.lcd.start();
        bench.lcd.show(screen("Idle  12:00", "Line 1 ready and more text"));
        bench.drain();

        assertEquals(List.of("Idle  12:00     ", "Line 1 ready and"), bench.model.rows(LcdSize.LCD_16X2));
    }

    @Test
    void showsFourLinesOnA20x4AtItsRowOffsets() {
        LcdBench bench = new LcdBench(pi4j, LcdWiring.DEFAULT.withSize(LcdSize.LCD_20X4));
        bench.lcd.start();
        bench.lcd.show(screen("first row", "second row", "third row", "fourth row"));
        bench.drain();

        assertEquals(List.of("first row           ", "second row          ", "third row           ",
                "fourth row          "), bench.model.rows(LcdSize.LCD_20X4));
        assertEquals('t', (char) bench.model.ddram[0x14]);
        assertEquals('f', (char) bench.model.ddram[0x54]);
    }

    @Test
    void glyphsUseTheirCustomCharactersAndMissingLettersFallBack() {
        LcdBench bench = new LcdBench(pi4j, LcdWiring.DEFAULT);
        bench.lcd.start();
        bench.lcd.show(screen(Glyph.HANDSET + " Caf\u00e9 \u00fc~" + Glyph.ENVELOPE, "\u00c5se\\" + Glyph.HOLD));
        bench.drain();

        assertEquals(List.of("\u0000 Cafe \u00f5?\u0002      ", "Ase?\u0006           "),
                bench.model.rows(LcdSize.LCD_16X2));
    }

    @Test
    void aSecondScreenDifferingInOneCellWritesOnlyThatCell() {
        LcdBench bench = new LcdBench(pi4j, LcdWiring.DEFAULT.withSize(LcdSize.LCD_20X4));
        bench.lcd.start();
        bench.lcd.show(screen("Calling", "0301234567", "", "00:01"));
        bench.reset();

        bench.lcd.show(screen("Calling", "0301234567", "", "00:02"));
        int bytes = bench.drain();

        assertEquals(List.of("cmd D8", "data 32"), bench.model.log()); // 0x80 | (0x54 + 4)
        assertEquals(8, bytes, "4 PCF8574 bytes (2 nibbles, E high then low) each for the address and the character");
        assertEquals("00:02               ", bench.model.rows(LcdSize.LCD_20X4).get(3));
    }

    @Test
    void theSameScreenAgainWritesNothing() {
        LcdBench bench = new LcdBench(pi4j, LcdWiring.DEFAULT);
        bench.lcd.start();
        bench.lcd.show(screen("Idle", ""));
        bench.reset();

        bench.lcd.show(screen("Idle", ""));

        assertEquals(0, bench.drain());
    }

    @Test
    void eachChangedRunIsOneAddressAndItsCharacters() {
        LcdBench bench = new LcdBench(pi4j, LcdWiring.DEFAULT);
        bench.lcd.start();
        bench.lcd.show(screen("abcdefgh", "12345678"));
        bench.reset();

        bench.lcd.show(screen("aXYdefgZ", "12345678"));
        bench.drain();

        assertEquals(List.of("cmd 81", "data 58", "data 59", "cmd 87", "data 5A"), bench.model.log());
    }

    @Test
    void backlightGoesOffAfterTheTimeoutAndComesBackWithANewScreenOrAKey() {
        LcdBench bench = new LcdBench(pi4j, LcdWiring.DEFAULT.withBacklightTimeout(Duration.ofSeconds(20)));
        bench.lcd.start();
        bench.lcd.show(screen("Idle", ""));

        bench.lcd.tick(bench.clock.advance(Duration.ofSeconds(19)));
        bench.drain();
        assertTrue(bench.model.backlight);

        bench.lcd.tick(bench.clock.advance(Duration.ofSeconds(1)));
        bench.drain();
        assertFalse(bench.model.backlight);

        bench.lcd.show(screen("Incoming", "Bob"));
        bench.drain();
        assertTrue(bench.model.backlight);
        assertEquals("Incoming        ", bench.model.rows(LcdSize.LCD_16X2).get(0));

        bench.lcd.tick(bench.clock.advance(Duration.ofSeconds(20)));
        bench.drain();
        assertFalse(bench.model.backlight);
        bench.lcd.wake(bench.clock.advance(Duration.ofSeconds(1)));
        bench.drain();
        assertTrue(bench.model.backlight);
    }

    @Test
    void aDeadLcdWarnsOnceKeepsWorkingAndIsRetriedEvery30Seconds() {
        FlakyI2C i2c = new FlakyI2C(pi4j);
        i2c.failure = "I2C write failed: Remote I/O error (121)";
        LcdBench bench = new LcdBench(i2c, LcdWiring.DEFAULT);

        bench.lcd.start();
        bench.lcd.show(screen("Idle", "no lcd"));
        bench.lcd.tick(bench.clock.advance(Duration.ofSeconds(29)));
        assertFalse(bench.lcd.isHealthy());
        assertEquals(1, i2c.failedWrites, "no retry before 30 s");

        bench.lcd.tick(bench.clock.advance(Duration.ofSeconds(1)));
        assertEquals(2, i2c.failedWrites, "retried at 30 s");
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).getMessage().contains("/dev/i2c-1 address 0x27"), warnings.get(0).getMessage());

        i2c.failure = null; // plugged in
        bench.lcd.show(screen("Idle", "lcd back"));
        bench.lcd.tick(bench.clock.advance(Duration.ofSeconds(30)));
        bench.drain();

        assertTrue(bench.lcd.isHealthy());
        assertEquals(List.of("Idle            ", "lcd back        "), bench.model.rows(LcdSize.LCD_16X2));
        assertEquals(1, warnings.size());
    }

    @Test
    void aWriteFailingMidwayRedrawsEverythingOnceBack() {
        FlakyI2C i2c = new FlakyI2C(pi4j);
        LcdBench bench = new LcdBench(i2c, LcdWiring.DEFAULT);
        bench.lcd.start();
        bench.lcd.show(screen("one", "two"));
        bench.drain();

        i2c.failure = "I2C write failed: Remote I/O error (121)";
        bench.lcd.show(screen("three", "four"));
        i2c.failure = null;
        bench.lcd.show(screen("five", "six"));
        assertEquals(List.of("one             ", "two             "), bench.model.rows(LcdSize.LCD_16X2),
                "nothing is written between the failure and the retry");

        bench.lcd.tick(bench.clock.advance(Duration.ofSeconds(30)));
        bench.drain();
        assertEquals(List.of("five            ", "six             "), bench.model.rows(LcdSize.LCD_16X2));
    }

    @Test
    void aPermissionProblemNamesTheDeviceAndTheGroup() {
        FlakyI2C i2c = new FlakyI2C(pi4j);
        i2c.failure = "open /dev/i2c-1: Permission denied";
        LcdBench bench = new LcdBench(i2c, LcdWiring.DEFAULT);

        bench.lcd.start();

        String message = warnings.get(0).getMessage();
        assertTrue(message.contains("/dev/i2c-1") && message.contains("group 'i2c'"), message);
    }

    @Test
    void anotherPinMappingDrivesTheSameLcd() {
        Pcf8574Pins swapped = new Pcf8574Pins(4, 5, 6, 7, 0, 1, 2, 3);
        LcdWiring wiring = new LcdWiring(1, 0x3F, LcdSize.LCD_16X2, swapped, Duration.ofSeconds(30));
        LcdBench bench = new LcdBench(pi4j, wiring);
        bench.lcd.start();
        bench.lcd.show(screen("swapped", "pins"));
        bench.drain();

        assertEquals(List.of("swapped         ", "pins            "), bench.model.rows(LcdSize.LCD_16X2));
    }
}
