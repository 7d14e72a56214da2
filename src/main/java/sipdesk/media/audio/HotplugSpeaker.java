package sipdesk.media.audio;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A speaker that survives a missing or unplugged card (see {@link Hotplug}). Its rate is the card's,
 * or {@code fallbackRate} while silent: callers resample per frame from {@link #sampleRate()}.
 */
public final class HotplugSpeaker implements Speaker {

    private final Hotplug<Speaker> device;
    private Speaker active;

    private HotplugSpeaker(Hotplug<Speaker> device) {
        this.device = device;
    }

    public static HotplugSpeaker start(String role, Supplier<Optional<Speaker>> opener, int fallbackRate,
            Duration reprobe) {
        return new HotplugSpeaker(new Hotplug<Speaker>(role, opener, new SilentDevice(fallbackRate, role), reprobe).start());
    }

    /**
     * The speaker a {@code sipdesk.audio.*} setting names: {@code file:/path.wav} (see {@link FileDevices})
     * or part of a javax.sound card name (empty = the default card).
     */
    public static HotplugSpeaker configured(String role, Optional<String> setting, int preferredRate) {
        Optional<java.nio.file.Path> file = FileDevices.file(setting);
        if (file.isEmpty()) return onCard(role, setting, preferredRate);
        java.nio.file.Path path = file.get();
        return start(role + " (file " + path + ")", () -> FileDevices.openSpeaker(path, preferredRate), preferredRate, Duration.ofSeconds(3));
    }

    /** A speaker on the javax.sound card whose name contains {@code nameContains}. */
    public static HotplugSpeaker onCard(String role, Optional<String> nameContains, int preferredRate) {
        String described = role + nameContains.map(n -> " (device '" + n + "')").orElse(" (default device)");
        return start(described, () -> SoundCards.openSpeaker(nameContains, preferredRate), preferredRate, Duration.ofSeconds(3));
    }

    /** The device the next {@link #write} goes to; call once per frame, before writing. */
    public Speaker device() {
        active = device.current();
        return active;
    }

    @Override
    public int sampleRate() {
        return device.current().sampleRate();
    }

    @Override
    public boolean write(short[] frame, int offset) {
        Speaker target = active != null ? active : device();
        if (!target.write(frame, offset)) device.lost();
        active = null;
        return true;
    }

    @Override
    public boolean clocked() {
        return device.current().clocked();
    }

    public boolean absent() {
        return device.absent();
    }

    @Override
    public String name() {
        return device.current().name();
    }

    @Override
    public void close() {
        device.close();
    }
}
