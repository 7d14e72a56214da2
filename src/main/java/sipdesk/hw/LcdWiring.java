package sipdesk.hw;

import java.time.Duration;
import java.util.Objects;

/**
 * The HD44780 LCD on a PCF8574 I2C backpack: on I2C bus 1 (SDA GPIO2 pin 3, SCL GPIO3 pin 5).
 *
 * @param bus               the N of /dev/i2c-N (1 on every 40-pin Pi)
 * @param address           0x27 (PCF8574T) or 0x3F (PCF8574AT)
 * @param backlightTimeout  backlight goes off after this long without a new screen or a key;
 *                          {@link Duration#ZERO} keeps it on
 */
public record LcdWiring(int bus, int address, LcdSize size, Pcf8574Pins pins, Duration backlightTimeout) {
    public static final LcdWiring DEFAULT =
            new LcdWiring(1, 0x27, LcdSize.LCD_16X2, Pcf8574Pins.COMMON, Duration.ofSeconds(30));

    public LcdWiring {
        if (bus < 0) throw new IllegalArgumentException("i2c bus must be >= 0, got " + bus);
        if (address < 0x03 || address > 0x77) {
            throw new IllegalArgumentException("i2c address must be 0x03..0x77, got 0x" + Integer.toHexString(address));
        }
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(pins, "pins");
        if (backlightTimeout.isNegative()) throw new IllegalArgumentException("backlightTimeout < 0");
    }

    public LcdWiring withSize(LcdSize newSize) {
        return new LcdWiring(bus, address, newSize, pins, backlightTimeout);
    }

    public LcdWiring withBacklightTimeout(Duration timeout) {
        return new LcdWiring(bus, address, size, pins, timeout);
    }

    public String device() {
        return "/dev/i2c-" + bus;
    }
}
