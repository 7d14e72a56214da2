package sipdesk.hw;

import com.pi4j.context.Context;
import com.pi4j.io.IOType;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2C;

/** A MockI2C that fails its writes while told to: an LCD unplugged, or a device node we may not open. */
final class FlakyI2C extends MockI2C {
    volatile String failure;
    int failedWrites;

    FlakyI2C(Context pi4j) {
        super((I2CProvider) pi4j.provider(IOType.I2C), I2C.newConfigBuilder(pi4j).id("flaky-lcd").bus(1).device(0x27).build());
    }

    @Override
    public int write(byte[] data, int offset, int length) {
        if (failure != null) {
            failedWrites++;
            throw new com.pi4j.io.exception.IOException(failure);
        }
        return super.write(data, offset, length);
    }
}
