package sipdesk.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * sipdesk's own {@code sipdesk.*} keys: the front panel, sound devices and files.
 *
 * @param lcdI2cAddress 7-bit address, e.g. 0x27
 * @param captureDevice part of a javax.sound mixer name; empty = the system default (same for the others)
 */
public record DeviceConfig(
        HardwareKind hardware,
        int lcdColumns,
        int lcdRows,
        int lcdI2cBus,
        int lcdI2cAddress,
        Optional<String> captureDevice,
        Optional<String> playbackDevice,
        Optional<String> ringerDevice,
        Optional<Path> ringtone,
        Path stateDir,
        Path controlSocket) {

    public DeviceConfig {
        Objects.requireNonNull(hardware, "hardware");
        Objects.requireNonNull(captureDevice, "captureDevice");
        Objects.requireNonNull(playbackDevice, "playbackDevice");
        Objects.requireNonNull(ringerDevice, "ringerDevice");
        Objects.requireNonNull(ringtone, "ringtone");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(controlSocket, "controlSocket");
    }
}
