package sipdesk.sip;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import java.io.IOException;
import java.util.logging.Level;
import javax.sip.SipStack;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The stack's {@code SIP_MESSAGE_VALVE}: sees every parsed request before the transaction layer.
 * JAIN-SIP 1.3.0-91 reads a request line such as {@code ... SIP/7.0} as SIP/2.0 and delivers it (an
 * OPTIONS got 200); {@link MessageParserGuard} marks such requests and this valve answers them with
 * 505 Version Not Supported (RFC 3261 §21.5.7) instead of letting them through.
 * Public with a no-argument constructor: the stack instantiates it by name.
 */
public final class SipVersionValve implements gov.nist.javax.sip.stack.SIPMessageValve {
    public SipVersionValve() {}

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        if (request.getApplicationData() != MessageParserGuard.UNSUPPORTED_VERSION) return true;
        if (!Request.ACK.equals(request.getMethod())) {
            try {
                SIPResponse r = request.createResponse(Response.VERSION_NOT_SUPPORTED);
                channel.sendMessage(r);
            } catch (IOException | RuntimeException e) {
                SipContext.LOG.log(Level.FINE, "cannot answer 505", e);
            }
        }
        return false;
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return true;
    }

    @Override public void init(SipStack stack) {}
    @Override public void destroy() {}
}
