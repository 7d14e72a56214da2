package sipdesk.media.audio;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** A microphone that survives a missing or unplugged card (see {@link HotplugDevice}). */
public final class HotplugMicrophone extends HotplugDevice<Microphone> implements Microphone {

    private HotplugMicrophone(Hotplug<Microphone> device) {
        super(device);
    }

    public static HotplugMicrophone start(String role, Supplier<Optional<Microphone>> opener, int fallbackRate,
            Duration reprobe) {
        return new HotplugMicrophone(started(role, opener, new SilentDevice(fallbackRate, role), reprobe));
    }

    /**
     * The microphone a {@code sipdesk.audio.*} setting names: {@code file:/path.wav} (see {@link FileDevices})
     * or part of a javax.sound card name (empty = the default card).
     */
    public static HotplugMicrophone configured(String role, Optional<String> setting, int preferredRate) {
        return new HotplugMicrophone(configured(role, setting, new SilentDevice(preferredRate, role),
                FileDevices::openMicrophone, name -> SoundCards.openMicrophone(name, preferredRate)));
    }

    @Override
    public boolean read(short[] frame, int offset) {
        if (!takeActive().read(frame, offset)) failed();
        return true;
    }
}
