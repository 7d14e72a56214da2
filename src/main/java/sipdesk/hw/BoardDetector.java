package sipdesk.hw;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Says whether we run on a Raspberry Pi, from the device tree's model string (for example
 * "Raspberry Pi 4 Model B Rev 1.5", NUL-terminated). Absent on x86 and in most containers.
 */
public final class BoardDetector {
    public static final Path DEVICE_TREE_MODEL = Path.of("/proc/device-tree/model");

    private final Path modelFile;

    public BoardDetector(Path modelFile) {
        this.modelFile = Objects.requireNonNull(modelFile, "modelFile");
    }

    public static BoardDetector system() {
        return new BoardDetector(DEVICE_TREE_MODEL);
    }

    /** The board's model, or empty when the file is missing or unreadable. */
    public Optional<String> model() {
        try {
            String raw = Files.readString(modelFile, StandardCharsets.US_ASCII);
            String model = raw.replace("\0", "").trim();
            return model.isEmpty() ? Optional.empty() : Optional.of(model);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    public boolean isRaspberryPi() {
        return model().map(m -> m.startsWith("Raspberry Pi")).orElse(false);
    }

    /** True on a Pi 5 (or a CM5): no analogue audio jack, GPIO on the RP1's pinctrl-rp1 chip. */
    public boolean isPi5() {
        return model().map(m -> m.startsWith("Raspberry Pi 5") || m.startsWith("Raspberry Pi Compute Module 5"))
                .orElse(false);
    }

    /** For the start-up log line. */
    public String describe() {
        return model().map(m -> m + " (" + modelFile + ")").orElse("not a Raspberry Pi (" + modelFile + " absent)");
    }
}
