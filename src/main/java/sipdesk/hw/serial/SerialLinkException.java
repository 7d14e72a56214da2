package sipdesk.hw.serial;

import java.io.IOException;
import java.util.Objects;

/** The serial device could not be opened; {@link #reason} says whether waiting can help. */
public final class SerialLinkException extends IOException {
    public enum Reason {
        /** The device node does not exist (unplugged, or another name): it may come back. */
        NOT_FOUND,
        /** Another program holds the port (a serial console, ModemManager, a terminal): it may let go. */
        BUSY,
        /** The service user is not in group dialout: waiting does not help. */
        PERMISSION_DENIED,
        /** jssc's native library did not load: waiting does not help. */
        NATIVE_LIBRARY,
        OTHER;

        /** True when nothing but an administrator can fix it. */
        public boolean needsAdmin() {
            return this == PERMISSION_DENIED || this == NATIVE_LIBRARY;
        }
    }

    private final Reason reason;

    public SerialLinkException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
