package sipdesk.core.port;

import sipdesk.core.Screen;

/** The LCD and lamps of the front panel. Called on the core thread; must not block for long. */
public interface Display {
    void show(Screen screen);
}
