package org.courriel.api.autoconfig;

import org.courriel.api.autoconfig.MailServer.Protocol;

/**
 * Writes Microsoft's Autodiscover "POX" answer in the Outlook response schema 2006a ([MS-OXDSCLI] §2.2.4):
 * an {@code email} account with one {@code Protocol} element per server, IMAP and SMTP, the preferred of
 * each type first (Outlook takes the first of a type). Pure: no I/O.
 */
public final class AutodiscoverResponse {

    static final String RESPONSE_NS = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";
    static final String OUTLOOK_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";

    public static final String MEDIA_TYPE = "application/xml;charset=UTF-8";

    private AutodiscoverResponse() {
    }

    public static String write(ClientSettings settings) {
        StringBuilder xml = new StringBuilder(Xml.DECLARATION);
        xml.append("<Autodiscover xmlns=\"").append(RESPONSE_NS).append("\">\n");
        xml.append("  <Response xmlns=\"").append(OUTLOOK_NS).append("\">\n");
        xml.append("    <Account>\n");
        xml.append("      ").append(Xml.element("AccountType", "email")).append('\n');
        xml.append("      ").append(Xml.element("Action", "settings")).append('\n');
        settings.servers(Protocol.IMAP).forEach(s -> protocol(xml, "IMAP", s, settings.address()));
        settings.servers(Protocol.POP3).forEach(s -> protocol(xml, "POP3", s, settings.address()));
        settings.servers(Protocol.SUBMISSION).forEach(s -> protocol(xml, "SMTP", s, settings.address()));
        xml.append("    </Account>\n");
        xml.append("  </Response>\n");
        xml.append("</Autodiscover>\n");
        return xml.toString();
    }

    private static void protocol(StringBuilder xml, String type, MailServer server, String address) {
        String indent = "        ";
        xml.append("      <Protocol>\n");
        xml.append(indent).append(Xml.element("Type", type)).append('\n');
        xml.append(indent).append(Xml.element("Server", server.host())).append('\n');
        xml.append(indent).append(Xml.element("Port", server.port())).append('\n');
        xml.append(indent).append(Xml.element("DomainRequired", "off")).append('\n');
        xml.append(indent).append(Xml.element("LoginName", address)).append('\n');
        xml.append(indent).append(Xml.element("SPA", "off")).append('\n');
        // SSL "on" with Encryption: SSL is implicit TLS, TLS is STARTTLS; Encryption takes precedence over SSL.
        xml.append(indent).append(Xml.element("SSL", "on")).append('\n');
        xml.append(indent).append(Xml.element("Encryption", server.implicitTls() ? "SSL" : "TLS")).append('\n');
        xml.append(indent).append(Xml.element("AuthRequired", "on")).append('\n');
        if (server.protocol() == Protocol.SUBMISSION) {
            xml.append(indent).append(Xml.element("UsePOPAuth", "off")).append('\n');
            xml.append(indent).append(Xml.element("SMTPLast", "off")).append('\n');
        }
        xml.append("      </Protocol>\n");
    }
}
