package sipdesk.config;

/** Yealink's {@code transport_type}: 0 = UDP, 1 = TCP, 2 = TLS, 3 = DNS-NAPTR (RFC 3263 lookup). */
public enum Transport { UDP, TCP, TLS, DNS_NAPTR }
