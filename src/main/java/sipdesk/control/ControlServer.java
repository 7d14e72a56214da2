package sipdesk.control;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The daemon's local control socket: a Unix stream socket readable by owner and group only.
 * Protocol: the client sends one line (the command's words separated by tabs), the server
 * answers with text lines and a last line {@code exit N}, then closes.
 */
public final class ControlServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ControlServer.class.getName());
    static final int MAX_REQUEST_BYTES = 4096;

    private final Path path;
    private final ServerSocketChannel server;
    private final ControlHandler handler;
    private final Thread acceptor;
    private volatile boolean open = true;

    private ControlServer(Path path, ServerSocketChannel server, ControlHandler handler) {
        this.path = path;
        this.server = server;
        this.handler = handler;
        this.acceptor = Thread.ofVirtual().name("control-accept").unstarted(this::acceptLoop);
    }

    public static ControlServer start(Path path, ControlHandler handler) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        removeStale(path);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(path));
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw----"));
            } catch (UnsupportedOperationException e) {
                LOG.warning("cannot restrict permissions of " + path + ": " + e.getMessage());
            }
        } catch (IOException e) {
            server.close();
            throw e;
        }
        ControlServer s = new ControlServer(path, server, handler);
        s.acceptor.start();
        LOG.info("control socket " + path);
        return s;
    }

    /** A socket file left by a crashed daemon would make bind fail; one that answers is in use. */
    private static void removeStale(Path path) throws IOException {
        if (!Files.exists(path)) return;
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            throw new IOException("another sipdesk daemon is listening on " + path);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("another sipdesk")) throw e;
            Files.deleteIfExists(path);
        }
    }

    public Path path() {
        return path;
    }

    private void acceptLoop() {
        while (open) {
            try {
                SocketChannel client = server.accept();
                Thread.ofVirtual().name("control-client").start(() -> serve(client));
            } catch (IOException e) {
                if (open) LOG.log(Level.WARNING, "control socket accept failed", e);
                return;
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client) {
            String request = readLine(client);
            List<String> words = request.isBlank() ? List.of() : Arrays.asList(request.split("\t"));
            Reply reply;
            try {
                reply = handler.handle(words);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "control request failed: " + words, e);
                reply = Reply.error("internal error: " + e);
            }
            String text = reply.text().isEmpty() || reply.text().endsWith("\n") ? reply.text() : reply.text() + "\n";
            client.write(ByteBuffer.wrap((text + "exit " + reply.exitCode() + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            LOG.fine("control client went away: " + e.getMessage());
        }
    }

    private static String readLine(SocketChannel client) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(MAX_REQUEST_BYTES);
        while (buf.hasRemaining()) {
            if (client.read(buf) < 0) break;
            for (int i = 0; i < buf.position(); i++) {
                if (buf.get(i) == '\n') return new String(buf.array(), 0, i, StandardCharsets.UTF_8);
            }
        }
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
    }

    @Override
    public void close() {
        open = false;
        try {
            server.close();
        } catch (IOException e) {
            LOG.fine("closing control socket: " + e.getMessage());
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.fine("removing control socket: " + e.getMessage());
        }
    }
}
