package sipdesk.daemon;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** Two-way audio end to end with G.722 only: the wideband path, codec and 16 kHz engine. */
class G722TwoWayAudioTest extends TwoWayAudioTests {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    static TwoWayAudioFixture phone;

    @BeforeAll
    static void start() throws Exception {
        phone = TwoWayAudioFixture.start(dir, """
                account.1.codec.g722.enable = 1
                account.1.codec.pcmu.enable = 0
                account.1.codec.pcma.enable = 0
                """);
    }

    @AfterAll
    static void stop() {
        if (phone != null) phone.close();
    }

    @Override
    TwoWayAudioFixture phone() {
        return phone;
    }

    @Override
    String[] baresipCodecs() {
        return new String[] {"g722.so", "g711.so"};
    }

    @Override
    String codecName() {
        return "G722";
    }
}
