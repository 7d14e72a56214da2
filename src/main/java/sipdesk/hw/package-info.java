/**
 * The Raspberry Pi front panel through Pi4J v3: {@link sipdesk.hw.MatrixKeypad},
 * {@link sipdesk.hw.HookSwitch}, {@link sipdesk.hw.GpioButtons}, {@link sipdesk.hw.Pcf8574Lcd},
 * {@link sipdesk.hw.GpioLamps} and {@link sipdesk.hw.GpioRinger}, wired by a
 * {@link sipdesk.hw.PinMap} and opened together by {@link sipdesk.hw.PiHardware#open}.
 *
 * <p>Contract with the daemon: create the Pi4J context ({@code Pi4J.newAutoContext()}), open the
 * panel, call {@link sipdesk.hw.PiFrontPanel#poll(long)} with {@code System.nanoTime()} from one
 * thread every 5-10 ms (100-200 Hz), give {@link sipdesk.hw.PiFrontPanel#display()} to the core,
 * map StartRinger/StopRinger to {@link sipdesk.hw.GpioRinger#start()}/{@code stop()}; at shutdown
 * close the panel, then shut the context down. Inputs are polled, never listened to: no Pi4J
 * threads call into us, and tests drive everything with an injected clock.
 *
 * <p>From sipdesk.cfg: {@link sipdesk.hw.FrontPanels#openPi} (wiring by {@link sipdesk.hw.PinMapConfig},
 * long presses by {@link sipdesk.hw.LongPressActions}) and {@link sipdesk.hw.FrontPanels#openSerial}
 * (package {@code sipdesk.hw.serial}) both give a {@link sipdesk.hw.FrontPanel}: display, poll, ring,
 * close. {@link sipdesk.hw.HardwareTestCommand} is {@code sipdesk hw test}.
 *
 * <p>The pure parts (no Pi4J): {@link sipdesk.hw.LcdCharset}, {@link sipdesk.hw.LcdFrameBuffer},
 * {@link sipdesk.hw.Pcf8574Encoder}, {@code KeyDebouncer}, {@link sipdesk.hw.LcdFont} and
 * {@link sipdesk.hw.LcdImage} (pictures of the LCD), {@code LcdTestPatterns}.
 */
package sipdesk.hw;
