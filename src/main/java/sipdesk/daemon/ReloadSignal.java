package sipdesk.daemon;

import java.util.logging.Logger;

/**
 * SIGHUP re-reads the configuration (systemctl reload). The JVM would otherwise exit on SIGHUP;
 * sun.misc.Signal (module jdk.unsupported) is the only way to catch it without native code.
 */
final class ReloadSignal {
    private static final Logger LOG = Logger.getLogger(ReloadSignal.class.getName());

    private ReloadSignal() {}

    @SuppressWarnings("restriction")
    static void install(Runnable reload) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), sig -> Thread.ofVirtual().start(reload));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.warning("SIGHUP cannot be handled here (" + e.getMessage() + "): use 'sipdesk reload'");
        }
    }
}
