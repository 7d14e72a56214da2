package sipdesk.core.screen;

import java.util.Objects;
import sipdesk.core.RegistrationState;
import sipdesk.core.SavedState;

/** What the status bar and the idle screen show besides the call: registration, voicemail, keypad settings. */
public record PhoneStatus(RegistrationState registration, int messagesWaiting, SavedState saved) {
    public PhoneStatus {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(saved, "saved");
    }
}
