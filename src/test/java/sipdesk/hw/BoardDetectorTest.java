package sipdesk.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardDetectorTest {
    @TempDir
    Path dir;

    private BoardDetector detectorFor(String model) throws IOException {
        Path file = dir.resolve("model");
        Files.writeString(file, model);
        return new BoardDetector(file);
    }

    @Test
    void aPi4IsAPi() throws IOException {
        BoardDetector board = detectorFor("Raspberry Pi 4 Model B Rev 1.5\0");
        assertTrue(board.isRaspberryPi());
        assertFalse(board.isPi5());
        assertEquals(Optional.of("Raspberry Pi 4 Model B Rev 1.5"), board.model());
    }

    @Test
    void aPi5IsKnownForItsMissingAudioJack() throws IOException {
        assertTrue(detectorFor("Raspberry Pi 5 Model B Rev 1.0\0").isPi5());
    }

    @Test
    void anotherBoardIsNotAPi() throws IOException {
        assertFalse(detectorFor("Hardkernel ODROID-C4\0").isRaspberryPi());
    }

    @Test
    void noDeviceTreeIsNotAPi() {
        BoardDetector board = new BoardDetector(dir.resolve("absent"));
        assertFalse(board.isRaspberryPi());
        assertTrue(board.describe().startsWith("not a Raspberry Pi"));
    }
}
