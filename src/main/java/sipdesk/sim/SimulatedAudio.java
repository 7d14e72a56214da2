package sipdesk.sim;

import java.util.List;
import java.util.function.Consumer;
import sipdesk.core.CallId;
import sipdesk.core.Command.*;
import sipdesk.core.Tone;
import sipdesk.core.port.Audio;

/** Keeps what would be heard (tone, ringer, connected calls) so the simulator can print it. */
public final class SimulatedAudio implements Audio {
    private volatile Tone tone;
    private volatile boolean ringer;
    private volatile List<CallId> media = List.of();
    private final Consumer<String> onChange;

    public SimulatedAudio(Consumer<String> onChange) {
        this.onChange = onChange;
    }

    @Override
    public void execute(AudioCommand command) {
        switch (command) {
            case PlayTone t -> tone = t.tone();
            case StopTone t -> tone = null;
            case StartRinger r -> ringer = true;
            case StopRinger r -> ringer = false;
            case ConnectMedia m -> media = m.calls();
            case DisconnectMedia m -> media = List.of();
        }
        onChange.accept(describe());
    }

    /** One line: "tone: DIAL  ringer: off  audio: -". */
    public String describe() {
        return "tone: " + (tone == null ? "-" : tone) + "  ringer: " + (ringer ? "RINGING" : "off")
                + "  audio: " + (media.isEmpty() ? "-" : media);
    }

    @Override
    public void close() {}
}
