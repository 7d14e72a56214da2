package sipdesk.control;

import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.ByteArrayOutputStream;
import java.util.List;

/** The CLI side of the control socket: sends one command, prints the answer, returns its exit code. */
public final class ControlClient {
    private ControlClient() {}

    public static int run(Path socket, List<String> words, PrintStream out, PrintStream err) {
        if (!Files.exists(socket)) {
            err.println("sipdesk: the daemon is not running (no control socket at " + socket + ")");
            return 3;
        }
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.write(ByteBuffer.wrap((String.join("\t", words) + "\n").getBytes(StandardCharsets.UTF_8)));
            var bytes = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(8192);
            while (ch.read(buf) >= 0) {
                bytes.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            return print(bytes.toString(StandardCharsets.UTF_8), out, err);
        } catch (AccessDeniedException e) {
            err.println("sipdesk: permission denied on " + socket + " (run as root or as a member of group sipdesk)");
            return 4;
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("Permission denied")) {
                err.println("sipdesk: permission denied on " + socket + " (run as root or as a member of group sipdesk)");
                return 4;
            }
            err.println("sipdesk: the daemon is not answering on " + socket + ": " + m);
            return 3;
        }
    }

    private static int print(String answer, PrintStream out, PrintStream err) {
        String text = answer;
        int code = 1;
        int last = text.lastIndexOf("exit ");
        if (last >= 0 && (last == 0 || text.charAt(last - 1) == '\n')) {
            try {
                code = Integer.parseInt(text.substring(last + 5).trim());
                text = text.substring(0, last);
            } catch (NumberFormatException e) {
                code = 1;
            }
        } else {
            err.println("sipdesk: the daemon closed the connection without an answer");
        }
        (code == 0 ? out : err).print(text);
        return code;
    }
}
