package sipdesk.media.audio;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** A speaker that survives a missing or unplugged card (see {@link HotplugDevice}). */
public final class HotplugSpeaker extends HotplugDevice<Speaker> implements Speaker {

    private HotplugSpeaker(Hotplug<Speaker> device) {
        super(device);
    }

    public static HotplugSpeaker start(String role, Supplier<Optional<Speaker>> opener, int fallbackRate,
            Duration reprobe) {
        return new HotplugSpeaker(started(role, opener, new SilentDevice(fallbackRate, role), reprobe));
    }

    /**
     * The speaker a {@code sipdesk.audio.*} setting names: {@code file:/path.wav} (see {@link FileDevices})
     * or part of a javax.sound card name (empty = the default card).
     */
    public static HotplugSpeaker configured(String role, Optional<String> setting, int preferredRate) {
        return new HotplugSpeaker(configured(role, setting, new SilentDevice(preferredRate, role),
                path -> FileDevices.openSpeaker(path, preferredRate), name -> SoundCards.openSpeaker(name, preferredRate)));
    }

    /** The underruns of the card in use now (a card plugged in again starts from 0). */
    @Override
    public long underruns() {
        return current().underruns();
    }

    @Override
    public boolean write(short[] frame, int offset) {
        if (!takeActive().write(frame, offset)) failed();
        return true;
    }
}
