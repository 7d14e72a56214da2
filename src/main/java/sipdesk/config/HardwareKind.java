package sipdesk.config;

/** {@code sipdesk.hardware}: which front panel to drive; AUTO probes the Pi's GPIO, then a serial panel, then the simulator. */
public enum HardwareKind { AUTO, PI, SIM, SERIAL }
