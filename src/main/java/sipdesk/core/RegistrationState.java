package sipdesk.core;

/** What the account's registration looks like from the phone, shown on the LCD. */
public sealed interface RegistrationState {
    /** No account enabled: the phone calls and takes calls by IP address. */
    record IpDirect(String localAddress) implements RegistrationState {}

    record Registering(String server) implements RegistrationState {}

    record Registered(String server, String aor) implements RegistrationState {}

    /** Registration failed; the adapter retries by itself. The reason is for the LCD and the log. */
    record Failed(String server, String reason) implements RegistrationState {}
}
