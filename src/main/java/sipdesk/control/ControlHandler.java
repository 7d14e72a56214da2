package sipdesk.control;

import java.util.List;

/** Answers one control request (the words of the CLI's command line). Called on a connection thread. */
@FunctionalInterface
public interface ControlHandler {
    Reply handle(List<String> words);
}
