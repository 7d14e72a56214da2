package sipdesk.daemon;

import java.util.function.Consumer;
import java.util.logging.Logger;
import sipdesk.core.Command;
import sipdesk.core.port.Audio;
import sipdesk.core.port.Display;
import sipdesk.core.port.Signalling;
import sipdesk.core.port.StateStore;

/** Routes each command of the core to the one port that carries it out. */
public final class CommandDispatcher implements Consumer<Command> {
    private static final Logger LOG = Logger.getLogger(CommandDispatcher.class.getName());

    private final Signalling signalling;
    private final Audio audio;
    private final Display display;
    private final StateStore store;

    public CommandDispatcher(Signalling signalling, Audio audio, Display display, StateStore store) {
        this.signalling = signalling;
        this.audio = audio;
        this.display = display;
        this.store = store;
    }

    @Override
    public void accept(Command command) {
        switch (command) {
            case Command.SipCommand c -> {
                LOG.info(() -> CallTags.prefix(CallTags.of(c)) + "sip: " + c);
                signalling.execute(c);
            }
            case Command.AudioCommand c -> audio.execute(c);
            case Command.Show s -> display.show(s.screen());
            case Command.SaveState s -> store.save(s.state());
            case Command.Refused r -> LOG.fine(() -> "refused in " + r.state() + ": " + r.event());
            case Command.StartTimer t -> throw new IllegalArgumentException("timers belong to the event loop: " + t);
            case Command.CancelTimer t -> throw new IllegalArgumentException("timers belong to the event loop: " + t);
        }
    }
}
