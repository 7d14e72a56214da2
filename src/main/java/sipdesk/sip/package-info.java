/**
 * The SIP user agent on JAIN-SIP: the {@link sipdesk.core.port.Signalling} adapter.
 *
 * <p>Entry point: {@link sipdesk.sip.JainSipSignalling#start(SipAccount, sipdesk.core.port.EventSink,
 * SessionDescriptions)}; configuration: {@link sipdesk.sip.SipAccount}; the SDP seam for the media
 * package: {@link sipdesk.sip.SessionDescriptions}.
 *
 * <p>Layout (Jitsi style): one {@code SipListener} ({@code MessageDispatcher}) fans requests out to
 * one small processor per method and responses to the handler stored on their client transaction;
 * {@code Registration} (REGISTER client), {@code OutgoingCalls} (our INVITEs, 3xx, CANCEL),
 * {@code IncomingCalls} (INVITEs to us, CANCEL, Replaces), {@code InDialog} (BYE, hold, INFO),
 * {@code Transfers} (REFER, NOTIFY), {@code DigestAuth} (RFC 7616/8760 digest).
 *
 * <p>Around the stack: {@code MessageParserGuard} (clean automatic 400s, UDP size limit) and
 * {@code SipVersionValve} (505) guard the input; {@code JulServerLogger} sees every message sent and
 * received and feeds the redacted trace ({@code SipAccount.traceMessages}) and {@link
 * sipdesk.sip.MessageFlows}, the last calls' call-flow tables ({@code JainSipSignalling.flows(N)}).
 *
 * <p>Threading: {@code execute} never blocks; all SIP state lives on one worker thread per stack.
 * JAIN-SIP's event thread only claims server transactions and hands over.
 */
package sipdesk.sip;
