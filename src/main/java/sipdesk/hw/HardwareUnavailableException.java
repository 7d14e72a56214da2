package sipdesk.hw;

/**
 * The Pi's hardware cannot be used as configured: wrong provider, a device node the service user
 * may not open, a line another program holds. The message says what to change.
 */
public final class HardwareUnavailableException extends RuntimeException {
    public HardwareUnavailableException(String message) {
        super(message);
    }

    public HardwareUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
