package sipdesk.hw;

import sipdesk.core.port.Display;

/**
 * A physical front panel, whatever carries it (Pi GPIO and I2C, or a microcontroller on a serial
 * line): what the daemon drives. Thread contract: {@link #poll} from one hardware thread at
 * 100-200 Hz (every 5-10 ms), which alone does the I/O of inputs; {@link #display()} and
 * {@link #ring} from the core thread.
 */
public interface FrontPanel extends AutoCloseable {
    /** The LCD and lamps, for the core. */
    Display display();

    /** Inputs scanned and posted, timers run (backlight, ringer cadence, reconnects). */
    void poll(long nowNanos);

    /** The ringer (buzzer, bell relay) on with its cadence, or off: the core's StartRinger/StopRinger. */
    void ring(boolean on);

    /** Ringer, lamps and LCD off; hardware released. Never throws for a part that is already gone. */
    @Override
    void close();
}
