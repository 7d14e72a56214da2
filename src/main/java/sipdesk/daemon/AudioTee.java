package sipdesk.daemon;

import sipdesk.core.Command.AudioCommand;
import sipdesk.core.port.Audio;

/** Gives every audio command to two ports: the sound path and a panel that shows it (the simulator's status line). */
final class AudioTee implements Audio {
    private final Audio first;
    private final Audio second;

    AudioTee(Audio first, Audio second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public void execute(AudioCommand command) {
        first.execute(command);
        second.execute(command);
    }

    @Override
    public void close() {
        first.close();
        second.close();
    }
}
