package sipdesk.hw.serial;

import java.io.IOException;
import java.util.Objects;
import jssc.SerialPort;
import jssc.SerialPortException;

/**
 * The link over a real serial port through jssc (LIBRARIES.md): 8N1, no flow control. A port that
 * vanishes (USB unplugged) shows as a failing read or write, which the panel turns into a
 * reconnect.
 */
public final class JsscSerialLink implements SerialLink {
    private final SerialPort port;
    private final int baud;

    private JsscSerialLink(SerialPort port, int baud) {
        this.port = port;
        this.baud = baud;
    }

    /** A connector for {@code portName} ({@code /dev/ttyACM0}) at {@code baud}: each call opens the port anew. */
    public static SerialConnector connector(String portName, int baud) {
        Objects.requireNonNull(portName, "portName");
        return () -> open(portName, baud);
    }

    public static JsscSerialLink open(String portName, int baud) throws SerialLinkException {
        SerialPort port;
        try {
            port = new SerialPort(portName);
            port.openPort();
        } catch (SerialPortException e) {
            throw translate(portName, e);
        } catch (LinkageError e) {
            throw nativeLibrary(e);
        }
        try {
            port.setParams(baud, SerialPort.DATABITS_8, SerialPort.STOPBITS_1, SerialPort.PARITY_NONE);
            port.setFlowControlMode(SerialPort.FLOWCONTROL_NONE);
            return new JsscSerialLink(port, baud);
        } catch (SerialPortException e) {
            closeQuietly(port);
            throw new SerialLinkException(SerialLinkException.Reason.OTHER, portName + ": cannot set " + baud
                    + " baud 8N1 (" + e.getExceptionType() + ")", e);
        }
    }

    @Override
    public byte[] read() throws IOException {
        try {
            int n = port.getInputBufferBytesCount();
            // A vanished device makes the FIONREAD ioctl fail: jssc then reports -1.
            if (n < 0) throw new IOException("the device is gone");
            if (n == 0) return new byte[0];
            byte[] bytes = port.readBytes(n);
            return bytes == null ? new byte[0] : bytes;
        } catch (SerialPortException e) {
            throw new IOException("read failed (" + e.getExceptionType() + ")", e);
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        try {
            if (!port.writeBytes(bytes)) throw new IOException("write failed (the device is gone?)");
        } catch (SerialPortException e) {
            throw new IOException("write failed (" + e.getExceptionType() + ")", e);
        }
    }

    @Override
    public String describe() {
        return port.getPortName() + " at " + baud + " baud";
    }

    @Override
    public void close() {
        closeQuietly(port);
    }

    private static void closeQuietly(SerialPort port) {
        try {
            if (port.isOpened()) port.closePort();
        } catch (SerialPortException | RuntimeException ignored) {
            // the device may already be gone: nothing to release on our side
        }
    }

    static SerialLinkException translate(String portName, SerialPortException e) {
        String type = e.getExceptionType() == null ? "" : e.getExceptionType();
        return switch (type) {
            case SerialPortException.TYPE_PORT_NOT_FOUND -> new SerialLinkException(SerialLinkException.Reason.NOT_FOUND,
                    portName + ": no such serial port (is the panel plugged in? ls /dev/ttyACM* /dev/ttyUSB*;"
                            + " set sipdesk.serial.port)", e);
            case SerialPortException.TYPE_PERMISSION_DENIED -> new SerialLinkException(
                    SerialLinkException.Reason.PERMISSION_DENIED, "permission denied on " + portName
                    + ": add the service user to group 'dialout' (sudo usermod -aG dialout sipdesk) and restart the service", e);
            case SerialPortException.TYPE_PORT_BUSY -> new SerialLinkException(SerialLinkException.Reason.BUSY,
                    portName + ": busy, another program has it open (a serial console on the UART, ModemManager,"
                            + " a terminal program; see: fuser -v " + portName + ")", e);
            default -> new SerialLinkException(SerialLinkException.Reason.OTHER,
                    portName + ": cannot open (" + type + ")", e);
        };
    }

    static SerialLinkException nativeLibrary(LinkageError e) {
        return new SerialLinkException(SerialLinkException.Reason.NATIVE_LIBRARY,
                "jssc's native library did not load (" + e + "). It is unpacked from the jar into java.io.tmpdir at"
                        + " first use: the service must be able to write there, or point -Djssc.boot.library.path at a"
                        + " directory holding libjssc.so; jssc ships it for linux arm, arm64 and x86_64", e);
    }
}
