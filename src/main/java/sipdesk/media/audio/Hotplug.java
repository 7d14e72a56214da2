package sipdesk.media.audio;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A sound card (or a {@code file:} device) that may be missing or unplugged: while it is absent the
 * {@code silent} stand-in works in its place and a probe thread tries to open it every {@code reprobe},
 * quietly: each outage is warned of once, when it starts; the device-clock
 * thread takes a card the probe found at its next frame ({@link #current()}), and drops back to
 * silence when the card fails ({@link #lost()}). Opening happens on the probe thread, never on the
 * audio path.
 */
final class Hotplug<T extends AutoCloseable> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Hotplug.class.getName());

    private final String role;
    private final Supplier<Optional<T>> opener;
    private final T silent;
    private final long reprobeNanos;
    /** Why the device is not there, for the one warning of each outage. */
    private final Supplier<String> whyAbsent;
    private volatile T pending;
    private volatile boolean absent;
    private volatile boolean closed;
    /** Attempts to open the device so far (for tests: a re-probe that has happened, not a guess at one). */
    private final AtomicLong attempts = new AtomicLong();
    private T current;
    private Thread probe;

    Hotplug(String role, Supplier<Optional<T>> opener, T silent, Duration reprobe, Supplier<String> whyAbsent) {
        this.role = role;
        this.whyAbsent = whyAbsent;
        this.opener = opener;
        this.silent = silent;
        this.reprobeNanos = reprobe.toNanos();
    }

    /** Opens the card now (on the caller's thread, at start-up) or starts probing for it. */
    Hotplug<T> start() {
        Optional<T> device = opener.get();
        if (device.isPresent()) {
            current = device.get();
            LOG.info(() -> role + ": " + current);
        } else {
            current = silent;
            absent = true;
            LOG.warning(() -> role + ": " + whyAbsent.get() + "; calls go on without sound, retrying every "
                    + reprobeNanos / 1_000_000_000 + " s");
        }
        attempts.incrementAndGet();
        probe = Thread.ofPlatform().daemon().name("audio-probe-" + role).start(this::probeLoop);
        return this;
    }

    /** The device to use for this frame: a newly found card replaces the stand-in here. */
    T current() {
        T found = pending;
        if (found != null) {
            pending = null;
            current = found;
            absent = false;
            LOG.info(() -> role + ": back: " + found);
        }
        return current;
    }

    /** The current card failed: close it, use silence, and start probing. */
    void lost() {
        if (current == silent) return;
        T gone = current;
        current = silent;
        absent = true;
        LOG.warning(() -> role + ": lost (" + gone + "); calls go on without sound, retrying every "
                + reprobeNanos / 1_000_000_000 + " s");
        closeQuietly(gone);
        LockSupport.unpark(probe);
    }

    /** What a missing sound card's warning says. */
    static String noSoundCard() {
        return "no sound card found (cards seen: " + SoundCards.mixerNames() + ")";
    }

    boolean absent() {
        return absent;
    }

    long attempts() {
        return attempts.get();
    }

    private void probeLoop() {
        while (!closed) {
            LockSupport.parkNanos(reprobeNanos);
            if (closed || !absent || pending != null) continue;
            Optional<T> device = opener.get();
            if (device.isPresent()) {
                if (closed) closeQuietly(device.get());
                else pending = device.get();
            }
            attempts.incrementAndGet(); // after all an attempt does: a test that saw it sees its effects
        }
    }

    @Override
    public void close() {
        closed = true;
        if (probe != null) LockSupport.unpark(probe);
        T found = pending;
        if (found != null) closeQuietly(found);
        if (current != null && current != silent) closeQuietly(current);
    }

    private static void closeQuietly(AutoCloseable device) {
        try {
            device.close();
        } catch (Exception e) {
            LOG.fine(() -> "closing " + device + ": " + e);
        }
    }
}
