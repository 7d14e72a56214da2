package sipdesk.hw;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import java.util.Arrays;

/**
 * Wires a {@link Pcf8574Lcd} on the mock to an {@link Hd44780Model}: every byte written to MockI2C
 * is read back (its FIFO) and decoded. The sleeper decodes what was written so far, then notes the
 * wait, so the log shows each datasheet wait in its place.
 */
final class LcdBench {
    final Hd44780Model model;
    final FakeNanoClock clock = new FakeNanoClock();
    final Pcf8574Lcd lcd;
    private final I2C i2c;
    private int bytesRead;

    LcdBench(Context pi4j, LcdWiring wiring) {
        this.model = new Hd44780Model(wiring.pins());
        this.i2c = PiHardware.openI2c(pi4j, wiring);
        this.lcd = new Pcf8574Lcd(i2c, wiring, this::sleep, clock);
    }

    LcdBench(I2C i2c, LcdWiring wiring) {
        this.model = new Hd44780Model(wiring.pins());
        this.i2c = i2c;
        this.lcd = new Pcf8574Lcd(i2c, wiring, this::sleep, clock);
    }

    private void sleep(long nanos) {
        drain();
        model.note("wait " + nanos / 1000 + "us");
    }

    /** Decodes everything written since the last call; returns how many bytes that was. */
    int drain() {
        byte[] buf = new byte[512];
        int total = 0;
        int n;
        while ((n = i2c.read(buf, 0, buf.length)) > 0) {
            model.feed(Arrays.copyOf(buf, n));
            total += n;
        }
        bytesRead += total;
        return total;
    }

    /** Forget the log and the byte count: what follows is what the next step writes. */
    void reset() {
        drain();
        model.clearLog();
    }
}
