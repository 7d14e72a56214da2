/**
 * The serial front panel: keypad, hook, LCD, LEDs and ringer behind a microcontroller on USB serial
 * (hardware/SERIAL.md). {@link sipdesk.hw.serial.SerialPanelProtocol} is the pure line protocol;
 * {@link sipdesk.hw.serial.SerialLink} the transport, over jssc
 * ({@link sipdesk.hw.serial.JsscSerialLink}) or any pair of streams
 * ({@link sipdesk.hw.serial.StreamSerialLink}); {@link sipdesk.hw.serial.SerialFrontPanel} turns lines
 * into {@code PhoneEvent}s and screens into lines, and reconnects by itself when the device goes
 * away and comes back.
 */
package sipdesk.hw.serial;
