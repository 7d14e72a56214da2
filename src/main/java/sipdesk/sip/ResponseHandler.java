package sipdesk.sip;

import javax.sip.ResponseEvent;

/**
 * What to do with the responses of one client transaction; stored as the transaction's application
 * data so the listener needs no lookup table. Runs on the SIP worker thread.
 */
interface ResponseHandler {
    void onResponse(ResponseEvent event) throws Exception;

    /** Timer B/F fired or the transport failed: no response will come. */
    void onNoResponse(String why);
}
