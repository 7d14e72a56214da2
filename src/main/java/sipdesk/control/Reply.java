package sipdesk.control;

/** The answer to one control request: text for the user and the CLI's exit code. */
public record Reply(int exitCode, String text) {
    public static Reply ok(String text) {
        return new Reply(0, text);
    }

    public static Reply error(String text) {
        return new Reply(1, text);
    }
}
