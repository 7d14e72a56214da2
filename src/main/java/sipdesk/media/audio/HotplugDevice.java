package sipdesk.media.audio;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A device that survives a missing or unplugged card (see {@link Hotplug}): what {@link HotplugMicrophone}
 * and {@link HotplugSpeaker} share. Its rate is the card's, or the fallback rate while silent: callers
 * resample per frame from {@link #sampleRate()}.
 */
abstract class HotplugDevice<T extends AudioDevice> implements AudioDevice {

    /** How often a missing card or file is looked for again. */
    static final Duration REPROBE = Duration.ofSeconds(3);

    private final Hotplug<T> device;
    private T active;

    HotplugDevice(Hotplug<T> device) {
        this.device = device;
    }

    /**
     * The device a {@code sipdesk.audio.*} setting names: {@code file:/path.wav} (see {@link FileDevices})
     * or part of a javax.sound card name (empty = the default card).
     */
    static <T extends AudioDevice> Hotplug<T> configured(String role, Optional<String> setting, T silent,
            Function<Path, Optional<T>> openFile, Function<Optional<String>, Optional<T>> openCard) {
        Optional<Path> file = FileDevices.file(setting);
        if (file.isEmpty()) {
            String described = role + setting.map(n -> " (device '" + n + "')").orElse(" (default device)");
            return new Hotplug<>(described, () -> openCard.apply(setting), silent, REPROBE, Hotplug::noSoundCard).start();
        }
        Path path = file.get();
        return new Hotplug<>(role + " (file " + path + ")", () -> openFile.apply(path), silent, REPROBE,
                () -> FileDevices.problem(path)).start();
    }

    /** A device from {@code opener}, which says nothing when it finds none (a test's or a bench's card). */
    static <T extends AudioDevice> Hotplug<T> started(String role, Supplier<Optional<T>> opener, T silent, Duration reprobe) {
        return new Hotplug<>(role, opener, silent, reprobe, Hotplug::noSoundCard).start();
    }

    /** The device the next read or write uses; call once per frame, before it. */
    public T device() {
        active = device.current();
        return active;
    }

    /** The device for this frame's read or write, then forgotten: {@link #device()} again next frame. */
    final T takeActive() {
        T target = active != null ? active : device();
        active = null;
        return target;
    }

    /** The device in use now (or the silent stand-in), for figures read from another thread. */
    final T current() {
        return device.current();
    }

    /** The read or write just made failed: the card is gone. */
    final void failed() {
        device.lost();
    }

    /** The card in use now (a card found meanwhile is taken here, so it too is paused, then flushed on resume). */
    @Override
    public void pause() {
        device.current().pause();
    }

    @Override
    public void resume() {
        device.current().resume();
    }

    @Override
    public int sampleRate() {
        return device.current().sampleRate();
    }

    @Override
    public boolean clocked() {
        return device.current().clocked();
    }

    public boolean absent() {
        return device.absent();
    }

    /** Attempts to open the device so far, the first at start-up (for tests). */
    long openAttempts() {
        return device.attempts();
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
