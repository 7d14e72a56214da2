package sipdesk.daemon;

import sipdesk.core.Command;
import sipdesk.core.port.Audio;
import sipdesk.hw.FrontPanel;

/** The ringer of a physical panel (buzzer, bell relay) in front of the sound path for everything else. */
public final class PanelAudio implements Audio {
    private final FrontPanel panel;
    private final Audio sound;

    public PanelAudio(FrontPanel panel, Audio sound) {
        this.panel = panel;
        this.sound = sound;
    }

    @Override
    public void execute(Command.AudioCommand command) {
        switch (command) {
            case Command.StartRinger r -> {
                panel.ring(true);
                sound.execute(command);
            }
            case Command.StopRinger r -> {
                panel.ring(false);
                sound.execute(command);
            }
            default -> sound.execute(command);
        }
    }

    @Override
    public void close() {
        sound.close();
    }
}
