package sipdesk.hw.serial;

/** Opens the link to the panel; called again for every reconnect. */
@FunctionalInterface
public interface SerialConnector {
    SerialLink open() throws SerialLinkException;
}
