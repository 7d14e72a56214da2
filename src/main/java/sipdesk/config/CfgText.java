package sipdesk.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lines of a Yealink .cfg file: UTF-8 text (a BOM is skipped), LF, CRLF or CR line ends, the
 * last line with or without a newline. Anything else is not a configuration file.
 */
final class CfgText {

    /** One physical line, 1-based as editors number them, without its line end. */
    record Line(int number, String text) {
    }

    private CfgText() {
    }

    /** Why the bytes are not a text file ("NUL byte at line 3"), or empty when they are. */
    static Optional<String> notTextReason(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) return Optional.of("not a text file: NUL byte on line " + lineAt(bytes, i));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) return Optional.of("not a text file: invalid UTF-8 on line " + lineAt(bytes, in.position()));
        return Optional.empty();
    }

    /** The lines of bytes that passed {@link #notTextReason}. */
    static List<Line> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(new Line(number++, text.substring(start, i)));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        if (start < text.length()) lines.add(new Line(number, text.substring(start)));
        return lines;
    }

    private static int lineAt(byte[] bytes, int index) {
        int line = 1;
        for (int i = 0; i < index && i < bytes.length; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) line++;
        }
        return line;
    }
}
