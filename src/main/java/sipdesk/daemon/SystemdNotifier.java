package sipdesk.daemon;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Tells systemd how the service is doing (Type=notify): READY=1, STATUS=..., WATCHDOG=1,
 * RELOADING=1, STOPPING=1. Outside systemd (no NOTIFY_SOCKET) every call does nothing.
 */
public final class SystemdNotifier {
    private static final Logger LOG = Logger.getLogger(SystemdNotifier.class.getName());

    /** libsystemd's sd_notify(3); the library is on every systemd system. */
    interface LibSystemd extends Library {
        int sd_notify(int unsetEnvironment, String state);
    }

    private final Optional<LibSystemd> lib;

    private SystemdNotifier(Optional<LibSystemd> lib) {
        this.lib = lib;
    }

    public static SystemdNotifier fromEnvironment() {
        if (System.getenv("NOTIFY_SOCKET") == null) return new SystemdNotifier(Optional.empty());
        try {
            return new SystemdNotifier(Optional.of(Native.load("systemd", LibSystemd.class)));
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.warning("NOTIFY_SOCKET is set but libsystemd cannot be loaded (" + e.getMessage()
                    + "): systemd will not see the phone become ready");
            return new SystemdNotifier(Optional.empty());
        }
    }

    public boolean active() {
        return lib.isPresent();
    }

    public void ready() {
        send("READY=1");
    }

    public void status(String text) {
        send("STATUS=" + text.replace('\n', ' '));
    }

    public void watchdog() {
        send("WATCHDOG=1");
    }

    public void reloading() {
        send("RELOADING=1");
    }

    public void stopping() {
        send("STOPPING=1");
    }

    private void send(String state) {
        lib.ifPresent(l -> {
            if (l.sd_notify(0, state) < 0) LOG.fine("sd_notify failed for " + state);
        });
    }

    /** The watchdog period systemd asked for (WATCHDOG_USEC), if any. */
    public static Optional<java.time.Duration> watchdogPeriod() {
        String usec = System.getenv("WATCHDOG_USEC");
        if (usec == null) return Optional.empty();
        try {
            return Optional.of(java.time.Duration.ofNanos(Long.parseLong(usec) * 1000));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
