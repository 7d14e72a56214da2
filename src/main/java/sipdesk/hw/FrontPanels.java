package sipdesk.hw;

import com.pi4j.context.Context;
import java.util.Objects;
import sipdesk.config.Keys;
import sipdesk.config.SipdeskConfig;
import sipdesk.core.port.EventSink;
import sipdesk.hw.serial.JsscSerialLink;
import sipdesk.hw.serial.SerialConnector;
import sipdesk.hw.serial.SerialFrontPanel;

/**
 * Opens the front panel sipdesk.cfg describes, for the composition root: the Pi's GPIO and I2C
 * ({@code sipdesk.keypad.*}, {@code sipdesk.hook.*}, ...) or the serial panel
 * ({@code sipdesk.serial.*}). Long presses are mapped by {@code sipdesk.keypad.long_press.*} on the
 * way to {@code sink}.
 */
public final class FrontPanels {
    private FrontPanels() {}

    /**
     * The Pi panel. The caller owns {@code pi4j} ({@code Pi4J.newAutoContext()}) and shuts it down
     * after closing the panel.
     *
     * @param file what messages call the configuration file
     * @throws HardwareUnavailableException the wiring keys do not fit together (every problem as
     *     {@code file:line: key: what}), or a device cannot be opened (the message says what to do)
     */
    public static PiFrontPanel openPi(Context pi4j, SipdeskConfig config, String file, EventSink sink,
                                      PiHardware.Options options) {
        PinMapConfig.Wired wired = wiring(config, file);
        return PiHardware.open(pi4j, wired.pinMap(), wired.longPress().applyTo(sink), options);
    }

    /** The wiring, or a {@link HardwareUnavailableException} listing the configuration's problems. */
    static PinMapConfig.Wired wiring(SipdeskConfig config, String file) {
        return switch (PinMapConfig.from(config, file)) {
            case PinMapConfig.Wired w -> w;
            case PinMapConfig.Refused r -> throw new HardwareUnavailableException(
                    "the front panel wiring in " + file + " is not usable:\n" + r.message());
        };
    }

    /**
     * The serial panel on {@code sipdesk.serial.port} at {@code sipdesk.serial.baud}. An absent
     * device is not an error (it is retried every few seconds); no permission or no native library is.
     */
    public static SerialFrontPanel openSerial(SipdeskConfig config, EventSink sink) {
        return openSerial(serialPort(config), config, sink, SerialFrontPanel.Options.DEFAULTS);
    }

    public static SerialFrontPanel openSerial(SerialConnector connector, SipdeskConfig config, EventSink sink,
                                              SerialFrontPanel.Options options) {
        Objects.requireNonNull(config, "config");
        return SerialFrontPanel.open(connector, lcdSize(config), PinMapConfig.longPressActions(config).applyTo(sink),
                serialOptions(config, options));
    }

    static SerialConnector serialPort(SipdeskConfig config) {
        return JsscSerialLink.connector(config.values().get(Keys.SERIAL_PORT), config.values().get(Keys.SERIAL_BAUD));
    }

    static SerialFrontPanel.Options serialOptions(SipdeskConfig config, SerialFrontPanel.Options options) {
        return options.withBacklightTimeout(config.values().get(Keys.LCD_BACKLIGHT_TIMEOUT));
    }

    static LcdSize lcdSizeOf(PinMap map) {
        return map.lcd().map(LcdWiring::size).orElse(LcdSize.LCD_16X2);
    }

    /** 20 columns: the 20x4; else the 16x2. */
    static LcdSize lcdSize(SipdeskConfig config) {
        return config.device().lcdColumns() == 20 ? LcdSize.LCD_20X4 : LcdSize.LCD_16X2;
    }
}
