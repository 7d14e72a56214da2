package sipdesk.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageChannel;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.regex.Pattern;

/**
 * The stack's message parser (property {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}) with two
 * guards in front of JAIN-SIP's own:
 * <ul>
 * <li>On UDP, JAIN-SIP answers an unparseable request with an automatic 400 whose reason phrase is
 *     {@code "Bad Request (" + parseError.getLocalizedMessage() + ")"}, and the parser's text carries
 *     raw line feeds and bits of the offending line, so the 400 itself has a broken status line
 *     (LIBRARIES.md). A SIP_MESSAGE_VALVE never sees that 400 (the channel writes it directly), so
 *     the error is cleaned here, where it is thrown: {@link #reason} keeps one short printable line.</li>
 * <li>MAX_MESSAGE_SIZE only bounds TCP; a UDP datagram may carry up to 64 KB. Datagrams above
 *     {@link #MAX_DATAGRAM_BYTES} are refused (400) before they are parsed.</li>
 * <li>The parser reads any SIP version as 2.0; a request that named another is marked for
 *     {@link SipVersionValve}.</li>
 * </ul>
 * Public with a no-argument constructor: the stack instantiates it by name.
 */
public final class MessageParserGuard implements MessageParserFactory {
    /** Larger than any INVITE a desk phone meets (a few KB of SDP), well below the 64 KB UDP maximum. */
    static final int MAX_DATAGRAM_BYTES = 16 * 1024;
    /** Application data on a request whose request line names another SIP version. */
    static final Object UNSUPPORTED_VERSION = new Object();
    private static final int MAX_REASON_CHARS = 80;
    private static final Pattern CHAR_ARRAY_NOISE = Pattern.compile("\\[C@[0-9a-fA-F]+");
    private static final Pattern NOT_PRINTABLE = Pattern.compile("[^\\x20-\\x7E]+");

    public MessageParserGuard() {}

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        StringMsgParser parser = new StringMsgParser();
        return (bytes, readBody, strict, listener) -> parse(parser, bytes, readBody, strict, listener);
    }

    private static SIPMessage parse(StringMsgParser parser, byte[] bytes, boolean readBody, boolean strict,
                                    ParseExceptionListener listener) throws ParseException {
        if (listener instanceof UDPMessageChannel && bytes.length > MAX_DATAGRAM_BYTES) {
            throw new ParseException("Message Too Large (" + bytes.length + " bytes)", 0);
        }
        try {
            SIPMessage m = parser.parseSIPMessage(bytes, readBody, strict, listener);
            if (m instanceof SIPRequest && !startLineEndsWithSip20(bytes)) m.setApplicationData(UNSUPPORTED_VERSION);
            return m;
        } catch (ParseException e) {
            throw new ParseException(reason(e.getMessage()), e.getErrorOffset());
        } catch (RuntimeException e) {
            // The parser has thrown unchecked exceptions on odd input; a request it cannot read is a 400.
            throw new ParseException("malformed message", 0);
        }
    }

    /**
     * JAIN-SIP's parser reads any version in the request line as SIP/2.0 (an OPTIONS ... SIP/7.0
     * got 200), so the raw line is checked here and {@link SipVersionValve} answers 505.
     */
    private static boolean startLineEndsWithSip20(byte[] bytes) {
        int start = 0;
        while (start < bytes.length && (bytes[start] == '\r' || bytes[start] == '\n')) start++;
        int end = start;
        while (end < bytes.length && bytes[end] != '\r' && bytes[end] != '\n') end++;
        String line = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1).stripTrailing();
        return line.regionMatches(true, Math.max(0, line.length() - 7), "SIP/2.0", 0, 7);
    }

    /** One printable line, at most 80 characters, safe inside a status line. */
    static String reason(String parserText) {
        String s = parserText == null ? "" : CHAR_ARRAY_NOISE.matcher(parserText).replaceAll(" ");
        s = NOT_PRINTABLE.matcher(s).replaceAll(" ").replaceAll(" {2,}", " ").trim();
        if (s.length() > MAX_REASON_CHARS) s = s.substring(0, MAX_REASON_CHARS).trim();
        return s.isEmpty() ? "malformed message" : s;
    }
}
