package sipdesk.sip;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A selection of RFC 4475 torture messages, adapted to reach our UA: the Request-URI points at
 * 127.0.0.1:$PORT and the top Via is the sender's ($VIA), so answers come back to the test. Names are
 * the RFC's (section in brackets). Lines end in CRLF unless a message is about line ends.
 */
final class TortureMessages {
    private TortureMessages() {}

    /** Valid but tricky: the parser must accept them and the request reach the application. */
    static Map<String, String> validOptions() {
        Map<String, String> m = new LinkedHashMap<>();
        // [3.1.1.1] wsinv: folding, odd spacing, compact and mixed-case names, unknown headers.
        m.put("wsinv", crlf("""
                OPTIONS sip:vivekg@127.0.0.1:$PORT;unknownparam SIP/2.0
                TO :
                 sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n
                from   : "J Rosenberg \\\\\\""       <sip:jdrosen@example.com>
                  ;
                  tag = 98asjd8
                MaX-fOrWaRdS: 0068
                Call-ID: wsinv.ndaksdj@192.0.2.1
                Content-Length   : 0
                cseq: 0009
                  OPTIONS
                Via  : SIP  /   2.0
                 /UDP
                    $VIA;branch=z9hG4bK390skdjuw
                s :
                NewFangledHeader:   newfangled value
                 continued newfangled value
                UnknownHeaderWithUnusualValue: ;;,,;;,;
                Route:
                 <sip:services.example.com;lr;unknownwith=value;unknown-no-value>
                v:  SIP  / 2.0  / TCP     spindle.example.com   ;
                  branch  =   z9hG4bK9ikj8  ,
                 SIP  /    2.0   / UDP  192.168.255.111   ; branch=
                 z9hG4bK30239
                m:"Quoted string \\"\\"" <sip:jdrosen@example.com> ; newparam =
                      newvalue ;
                  secondparam ; q = 0.33

                """));
        // [3.1.1.3] esc01: %-escapes in the Request-URI user part and in From/To.
        m.put("esc01", crlf("""
                OPTIONS sip:sips%3Auser%40example.com@127.0.0.1:$PORT SIP/2.0
                To: sip:%75se%72@example.com
                From: <sip:I%20have%20spaces@example.net>;tag=938
                Max-Forwards: 87
                i: esc01.239409asdfakjkn23onasd0-3234
                CSeq: 234234 OPTIONS
                Via: SIP/2.0/UDP $VIA;branch=z9hG4bKkdjuw
                C: application/sdp
                Contact:
                  <sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31>
                L: 0

                """));
        // [3.1.1.6] lwsdisp: no space between the display name and the <.
        m.put("lwsdisp", crlf("""
                OPTIONS sip:user@127.0.0.1:$PORT SIP/2.0
                To: sip:user@example.com
                From: caller<sip:caller@example.com>;tag=323
                Max-Forwards: 70
                Call-ID: lwsdisp.1234abcd@funky.example.com
                CSeq: 60 OPTIONS
                Via: SIP/2.0/UDP $VIA;branch=z9hG4bKkdjuw
                l: 0

                """));
        // [3.1.1.9] semiuri: semicolons in the user part of the Request-URI.
        m.put("semiuri", crlf("""
                OPTIONS sip:user;par=u%40example.net@127.0.0.1:$PORT SIP/2.0
                To: sip:j_user@example.com
                From: sip:caller@example.org;tag=33242
                Max-Forwards: 3
                Call-ID: semiuri.0ha0isndaksdj
                CSeq: 8 OPTIONS
                Accept: application/sdp, application/pkcs7-mime,
                        multipart/mixed, multipart/signed,
                        message/sip, message/sipfrag
                Via: SIP/2.0/UDP $VIA;branch=z9hG4bKkdjuw
                l: 0

                """));
        // [3.1.1.10] transports: unusual transports in the lower Vias.
        m.put("transports", crlf("""
                OPTIONS sip:user@127.0.0.1:$PORT SIP/2.0
                To: sip:user@example.com
                From: <sip:caller@example.com>;tag=323
                Max-Forwards: 70
                Call-ID: transports.kijh4akdnaqjkwendsasfdj
                Accept: application/sdp
                CSeq: 60 OPTIONS
                Via: SIP/2.0/UDP $VIA;branch=z9hG4bKkdjuw
                Via: SIP/2.0/SCTP t2.example.com;branch=z9hG4bKklasjdhf
                Via: SIP/2.0/TLS t3.example.com;branch=z9hG4bK2980unddj
                Via: SIP/2.0/UNKNOWN t4.example.com;branch=z9hG4bKasd0f3en
                Via: SIP/2.0/TCP t5.example.com;branch=z9hG4bK0a9idfnee
                l: 0

                """));
        m.put("longreq", longRequest());
        return m;
    }

    /** [3.1.1.7] longreq: long header values, a long Call-ID and tags, many lower Vias (about 6 KB). */
    static String longRequest() {
        String longToken = "longreq" + "x".repeat(900);
        StringBuilder vias = new StringBuilder();
        for (int i = 0; i < 20; i++) vias.append("Via: SIP/2.0/UDP sip").append(i).append(".example.com;branch=z9hG4bK").append("b".repeat(60)).append(i).append('\n');
        return crlf("OPTIONS sip:user@127.0.0.1:$PORT SIP/2.0\n"
                + "To: \"I have a user name of " + "extreme".repeat(40) + " proportion\"<sip:user@example.com>\n"
                + "From: sip:caller@example.org;tag=" + "12982".repeat(60) + "\n"
                + "Call-ID: " + longToken + "\n"
                + "CSeq: 18 OPTIONS\n"
                + "Max-Forwards: 70\n"
                + "Via: SIP/2.0/UDP $VIA;branch=z9hG4bKlong" + "a".repeat(200) + "\n"
                + vias
                + "X-Long-Unknown-Header: " + "v".repeat(2000) + "\n"
                + "Unknown-Long-Name-" + "n".repeat(300) + ": value\n"
                + "Content-Length: 0\n\n");
    }

    /** Parseable requests the application refuses by method: code expected. */
    static Map<String, Map.Entry<String, Integer>> methods() {
        Map<String, Map.Entry<String, Integer>> m = new LinkedHashMap<>();
        // [3.1.1.2] intmeth: an unknown method made of every token character.
        m.put("intmeth", Map.entry(crlf("""
                !interesting-Method0123456789_*+`.%indeed'~ sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@127.0.0.1:$PORT SIP/2.0
                Via: SIP/2.0/UDP $VIA;branch=z9hG4bK-.!%66*_+`'~
                To: "BEL:\\\u0007 NUL:\\\u0000 DEL:\\\u007F" <sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*@example.com>
                From: token1~` token2'+_ token3*%!.- <sip:mundane@example.com>;fromParam''~+*_!.-%=resistor;tag=_token~1'+`*%!-.
                Call-ID: intmeth.word%ZK-!.*_+'@word`~)(><:\\/"][?}{
                CSeq: 139122385 !interesting-Method0123456789_*+`.%indeed'~
                Max-Forwards: 255
                extensionHeader-!.%*+_`'~:\u00ef\u00bb\u00bf\u00e5\u00a4\u00a7\u00e5\u0081\u009c\u00e9\u009b\u00bb
                Content-Length: 0

                """), 501));
        // [3.1.1.4] escnull: %00 in To/From user parts of a REGISTER (we are no registrar: 405).
        m.put("escnull", Map.entry(crlf("""
                REGISTER sip:127.0.0.1:$PORT SIP/2.0
                To: sip:null-%00-null@example.com
                From: sip:null-%00-null@example.com;tag=839923423
                Max-Forwards: 70
                Call-ID: escnull.39203ndfvkjdasfkq3w4otrq0adsfdfnavd
                CSeq: 14398234 REGISTER
                Via: SIP/2.0/UDP $VIA;branch=z9hG4bKkdjuw
                Contact: <sip:%00@host5.example.com>
                Contact: <sip:%00%00@host5.example.com>
                L:0

                """), 405));
        // [3.1.1.5] esc02: an escaped method name is another (unknown) method.
        m.put("esc02", Map.entry(crlf("""
                RE%47IST%45R sip:127.0.0.1:$PORT SIP/2.0
                To: "%Z%45" <sip:resource@example.com>
                From: "%Z%45" <sip:resource@example.com>;tag=f232jadfj23
                Call-ID: esc02.asdfnqwo34rq23i34jrjasdcnl23nrlknsdf
                Via: SIP/2.0/UDP $VIA;branch=z9hG4bKkdjuw
                CSeq: 29344 RE%47IST%45R
                Max-Forwards: 70
                Contact: <sip:alias1@host1.example.com>
                C%6Fntact: <sip:alias2@host2.example.com>
                Contact: <sip:alias3@host3.example.com>
                l: 0

                """), 501));
        // [3.1.1.8] dblreq: a REGISTER followed by extra octets in the same datagram; one answer.
        m.put("dblreq", Map.entry(crlf("""
                REGISTER sip:127.0.0.1:$PORT SIP/2.0
                To: sip:j.user@example.com
                From: sip:j.user@example.com;tag=43251j3j324
                Max-Forwards: 8
                I: dblreq.0ha0isndaksdj99sdfafnl3lk233412
                Contact: sip:j.user@host.example.com
                CSeq: 8 REGISTER
                Via: SIP/2.0/UDP $VIA;branch=z9hG4bKkdjuw23492
                Content-Length: 0

                INVITE sip:joe@example.com SIP/2.0
                t: sip:joe@example.com
                From: sip:caller@example.net;tag=141334
                Max-Forwards: 8
                Call-ID: dblreq.0ha0isnda977644900765@192.0.2.15
                CSeq: 8 INVITE
                Via: SIP/2.0/UDP 192.0.2.15;branch=z9hG4bKkdjuw380234
                Content-Type: application/sdp
                Content-Length: 0

                """), 405));
        m.put("subscribe", Map.entry(simple("SUBSCRIBE", "Event: presence\nContact: <sip:raw@$VIA>\n"), 405));
        m.put("unknown-method", Map.entry(simple("FOOBAR", ""), 501));
        return m;
    }

    /** Requests that must get a 400 (or 505 for the version) with a clean reason phrase, or nothing. */
    static Map<String, String> invalidRequests() {
        Map<String, String> m = new LinkedHashMap<>();
        // [3.1.2.1] badinv01: extraneous header field separators in Via.
        m.put("badinv01", crlf("""
                OPTIONS sip:user@127.0.0.1:$PORT SIP/2.0
                To: sip:j.user@example.com
                From: sip:caller@example.net;tag=134161461246
                Max-Forwards: 7
                Call-ID: badinv01.0ha0isndaksdjasdf3234nas
                CSeq: 8 OPTIONS
                Via: SIP/2.0/UDP $VIA;;,;,,
                Contact: "Joe" <sip:joe@example.org>;;;;
                Content-Length: 0

                """));
        // [3.1.2.2] clerr: Content-Length larger than the datagram (RFC 3261 18.3: 400 on UDP).
        m.put("clerr", crlf("""
                OPTIONS sip:user@127.0.0.1:$PORT SIP/2.0
                Max-Forwards: 80
                To: sip:j.user@example.com
                From: sip:caller@example.net;tag=93942939o2
                Contact: <sip:caller@hungry.example.net>
                Call-ID: clerr.0ha0isndaksdjweiafasdk3
                CSeq: 8 OPTIONS
                Via: SIP/2.0/UDP $VIA;branch=z9hG4bK-39234-23523
                Content-Type: text/plain
                Content-Length: 9999

                short body
                """));
        // [3.1.2.3] ncl: a negative Content-Length.
        m.put("ncl", crlf("""
                OPTIONS sip:user@127.0.0.1:$PORT SIP/2.0
                Max-Forwards: 254
                To: sip:j.user@example.com
                From: sip:caller@example.net;tag=32394234
                Call-ID: ncl.0ha0isndaksdj2193423r542w35
                CSeq: 0 OPTIONS
                Via: SIP/2.0/UDP $VIA;branch=z9hG4bKkdjuw
                Content-Type: text/plain
                Content-Length: -999

                body
                """));
        // [3.1.2.4] scalar02: a CSeq number past 2**32 and Max-Forwards 300.
        m.put("scalar02", crlf("""
                OPTIONS sip:user@127.0.0.1:$PORT SIP/2.0
                Via: SIP/2.0/UDP $VIA;branch=z9hG4bKkdj.1
                From: <sip:registrar@example.com>;tag=32390asd
                To: <sip:user@example.com>
                Call-ID: scalar02.23o0pd9vanlq3wnrlnewofjas9ui32
                Max-Forwards: 300
                CSeq: 36893488147419103232 OPTIONS
                Content-Length: 0

                """));
        // Bad CSeq: no number at all.
        m.put("cseq-nan", simple("OPTIONS", "").replace("CSeq: 1 OPTIONS", "CSeq: abc OPTIONS"));
        // [3.1.2.6] quotbal: an unterminated quoted display name.
        m.put("quotbal", crlf("""
                OPTIONS sip:user@127.0.0.1:$PORT SIP/2.0
                To: "Mr. J. User <sip:j.user@example.com>
                From: sip:caller@example.net;tag=93334
                Max-Forwards: 10
                Call-ID: quotbal.aksdj
                Contact: <sip:caller@host59.example.net>
                CSeq: 8 OPTIONS
                Via: SIP/2.0/UDP $VIA;branch=z9hG4bK-39234-23523
                Content-Length: 0

                """));
        // [3.1.2.7] ltgtruri: a Request-URI in angle brackets.
        m.put("ltgtruri", simple("OPTIONS", "").replaceFirst("^OPTIONS sip:1001@127.0.0.1:\\$PORT", "OPTIONS <sip:1001@127.0.0.1:\\$PORT>"));
        // [3.1.2.8] lwsruri: whitespace inside the Request-URI.
        m.put("lwsruri", simple("OPTIONS", "").replaceFirst("^OPTIONS sip:1001@127.0.0.1:\\$PORT", "OPTIONS sip:1001@127.0.0.1:\\$PORT; lr"));
        // [3.1.2.9] lwsstart: several spaces between the request-line elements.
        m.put("lwsstart", simple("OPTIONS", "").replaceFirst("^OPTIONS sip:1001@127.0.0.1:\\$PORT SIP/2.0", "OPTIONS  sip:1001@127.0.0.1:\\$PORT   SIP/2.0"));
        // A start line that is not SIP at all.
        m.put("garbage-start", simple("OPTIONS", "").replaceFirst("^[^\r]*", "HELLO? this is not sip"));
        m.put("binary-start", simple("OPTIONS", "").replaceFirst("^[^\r]*", "\u0001\u0002\u00ff\u0000 garbage \u007f"));
        // [3.1.2.17] mismatch01: CSeq method differs from the request method.
        m.put("mismatch01", simple("OPTIONS", "").replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE"));
        // [3.1.2.16] badvers: SIP/7.0 (505).
        m.put("badvers", simple("OPTIONS", "").replaceFirst("SIP/2.0\r\n", "SIP/7.0\r\n"));
        // [3.3.1] insuf: no Call-ID, From, To or CSeq.
        m.put("insuf", crlf("""
                OPTIONS sip:user@127.0.0.1:$PORT SIP/2.0
                Via: SIP/2.0/UDP $VIA;branch=z9hG4bKkdjuw
                Max-Forwards: 70
                Content-Length: 0

                """));
        // An INVITE without Contact: the stack makes no transaction for it; answered statelessly.
        m.put("invite-no-contact", simple("INVITE", ""));
        // No Via at all: nowhere to answer.
        m.put("no-via", simple("OPTIONS", "").replaceFirst("Via: [^\r]*\r\n", ""));
        // A From that is not an address.
        m.put("bad-from", simple("OPTIONS", "").replaceFirst("From: [^\r]*", "From: <<<not an address"));
        return m;
    }

    /** Responses no transaction waits for, some malformed: never answered. */
    static Map<String, String> responses() {
        Map<String, String> m = new LinkedHashMap<>();
        String headers = """
                Via: SIP/2.0/UDP 127.0.0.1:$PORT;branch=z9hG4bKnotours
                To: <sip:user@example.com>;tag=1
                From: <sip:1001@example.com>;tag=2
                Call-ID: response.unknown
                CSeq: 1 OPTIONS
                Content-Length: 0

                """;
        // [3.1.2.19] bigcode: a status code past 699 and past 2**32.
        m.put("bigcode", crlf("SIP/2.0 4294967301 better not break the receiver\n" + headers));
        m.put("letters-in-code", crlf("SIP/2.0 2OO OK\n" + headers));
        m.put("no-code", crlf("SIP/2.0\n" + headers));
        // [3.1.1.12] unreason / [3.1.1.13] noreason: odd but valid reason phrases, no transaction.
        m.put("unreason", crlf("SIP/2.0 200 = 2**3 * 5**2 \u00d0\u00bd\u00d0\u00be \u00d1\u0081\u00d1\u0082\u00d0\u00be\n" + headers));
        m.put("noreason", crlf("SIP/2.0 200 \n" + headers));
        return m;
    }

    /** A minimal well-formed request (CSeq 1, From tag, no To tag). */
    static String simple(String method, String extraHeaders) {
        return crlf(method + " sip:1001@127.0.0.1:$PORT SIP/2.0\n"
                + "Via: SIP/2.0/UDP $VIA;branch=z9hG4bK" + method.toLowerCase() + System.nanoTime() + "\n"
                + "From: <sip:raw@127.0.0.1>;tag=raw\n"
                + "To: <sip:1001@127.0.0.1>\n"
                + "Call-ID: simple" + System.nanoTime() + "\n"
                + "CSeq: 1 " + method + "\n"
                + "Max-Forwards: 70\n" + extraHeaders
                + "Content-Length: 0\n\n");
    }

    static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }
}
