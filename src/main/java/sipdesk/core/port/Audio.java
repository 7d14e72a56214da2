package sipdesk.core.port;

import sipdesk.core.Command.AudioCommand;

/** Tones, the ringer and which call's audio reaches the handset. Called on the core thread. */
public interface Audio extends AutoCloseable {
    void execute(AudioCommand command);

    @Override
    void close();
}
