package sipdesk.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file so that after a power cut either the old or the new content is there, never a
 * mix: write a temporary file in the same directory, fsync it, rename it over the target, fsync the
 * directory so the rename itself is durable. Files are created 0600 where POSIX permissions exist.
 */
public final class AtomicFile {
    private static final String TEMP_SUFFIX = ".tmp";

    private AtomicFile() {
    }

    public static void replace(Path target, byte[] content) throws IOException {
        replace(target, content, false);
    }

    /**
     * As {@link #replace(Path, byte[])}, and the new file gets the old one's permissions, owner and
     * group before it takes its place (a config file stays 0640 root:sipdesk, with no window in
     * which it has other rights).
     */
    public static void replaceKeepingAttributes(Path target, byte[] content) throws IOException {
        replace(target, content, true);
    }

    private static void replace(Path target, byte[] content, boolean keepAttributes) throws IOException {
        Path dir = directoryOf(target);
        Path temp = Files.createTempFile(dir, tempPrefix(target), TEMP_SUFFIX, ownerOnly(dir));
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            if (keepAttributes && Files.exists(target) && dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                var old = Files.readAttributes(target, java.nio.file.attribute.PosixFileAttributes.class);
                Files.setPosixFilePermissions(temp, old.permissions());
                var view = Files.getFileAttributeView(temp, java.nio.file.attribute.PosixFileAttributeView.class);
                view.setGroup(old.group());
                view.setOwner(old.owner());
            }
            // rename(2) replaces the target atomically; ATOMIC_MOVE refuses to fall back to copying.
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        syncDirectory(dir);
    }

    /** Deletes temporary files a crash left between create and rename; they never hold the only copy. */
    static int deleteLeftovers(Path target) throws IOException {
        int n = 0;
        String glob = "glob:" + tempPrefix(target) + "*" + TEMP_SUFFIX;
        var matcher = FileSystems.getDefault().getPathMatcher(glob);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directoryOf(target))) {
            for (Path p : entries) {
                if (matcher.matches(p.getFileName()) && Files.deleteIfExists(p)) n++;
            }
        }
        return n;
    }

    private static String tempPrefix(Path target) {
        return "." + target.getFileName() + ".";
    }

    private static Path directoryOf(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null) throw new IllegalArgumentException("no directory: " + target);
        return dir;
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) return new FileAttribute<?>[0];
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    /** fsync(2) of the directory makes the rename durable; platforms that cannot open a directory skip it. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Not supported here (e.g. Windows); the rename is still atomic, only its durability is the OS's.
        }
    }
}
