package sipdesk.media.audio;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A microphone that survives a missing or unplugged card (see {@link Hotplug}). Its rate is the card's,
 * or {@code fallbackRate} while silent: callers resample per frame from {@link #sampleRate()}.
 */
public final class HotplugMicrophone implements Microphone {

    private final Hotplug<Microphone> device;
    private Microphone active;

    private HotplugMicrophone(Hotplug<Microphone> device) {
        this.device = device;
    }

    public static HotplugMicrophone start(String role, Supplier<Optional<Microphone>> opener, int fallbackRate,
            Duration reprobe) {
        return new HotplugMicrophone(new Hotplug<Microphone>(role, opener, new SilentDevice(fallbackRate, role), reprobe).start());
    }

    /**
     * The microphone a {@code sipdesk.audio.*} setting names: {@code file:/path.wav} (see {@link FileDevices})
     * or part of a javax.sound card name (empty = the default card).
     */
    public static HotplugMicrophone configured(String role, Optional<String> setting, int preferredRate) {
        Optional<java.nio.file.Path> file = FileDevices.file(setting);
        if (file.isEmpty()) return onCard(role, setting, preferredRate);
        java.nio.file.Path path = file.get();
        return start(role + " (file " + path + ")", () -> FileDevices.openMicrophone(path), preferredRate, Duration.ofSeconds(3));
    }

    /** A microphone on the javax.sound card whose name contains {@code nameContains}. */
    public static HotplugMicrophone onCard(String role, Optional<String> nameContains, int preferredRate) {
        String described = role + nameContains.map(n -> " (device '" + n + "')").orElse(" (default device)");
        return start(described, () -> SoundCards.openMicrophone(nameContains, preferredRate), preferredRate, Duration.ofSeconds(3));
    }

    /** The device the next {@link #read} comes from; call once per frame, before reading. */
    public Microphone device() {
        active = device.current();
        return active;
    }

    @Override
    public int sampleRate() {
        return device.current().sampleRate();
    }

    @Override
    public boolean read(short[] frame, int offset) {
        Microphone target = active != null ? active : device();
        if (!target.read(frame, offset)) device.lost();
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
