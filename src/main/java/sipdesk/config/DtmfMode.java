package sipdesk.config;

/** Yealink's {@code account.X.dtmf.type}: 0 = in-band, 1 = RFC 2833/4733 (default), 2 = SIP INFO, 3 = both 1 and 2. */
public enum DtmfMode { INBAND, RFC4733, SIP_INFO, RFC4733_AND_INFO }
