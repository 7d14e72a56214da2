package sipdesk.hw;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;

/** A Pi4J context on MockPlatform, built by hand (no auto-detection). Shut it down after each test. */
final class MockPi {
    private MockPi() {}

    static Context context() {
        return Pi4J.newContextBuilder()
                .add(new MockPlatform())
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance(),
                        MockI2CProvider.newInstance())
                .build();
    }

    /** Options for {@link PiHardware#open} in tests: mocks allowed, instant waits, the given clock. */
    static PiHardware.Options options(FakeNanoClock clock) {
        return new PiHardware.Options(true, nanos -> { }, clock);
    }
}
