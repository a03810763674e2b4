package org.courriel.api.autoconfig;

import org.courriel.api.autoconfig.MailServer.Protocol;

/**
 * Writes Mozilla's autoconfiguration document (the "ISPDB" format Thunderbird reads, clientConfig version
 * 1.1, https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat). The user name is the
 * placeholder {@code %EMAILADDRESS%}, which the client fills in: the document depends on the domain only.
 * Pure: no I/O.
 */
public final class MozillaAutoconfig {

    /** The media type Thunderbird expects (it also accepts text/xml). */
    public static final String MEDIA_TYPE = "application/xml;charset=UTF-8";

    private MozillaAutoconfig() {
    }

    public static String write(ClientSettings settings) {
        String domain = settings.domain();
        StringBuilder xml = new StringBuilder(Xml.DECLARATION);
        xml.append("<clientConfig version=\"1.1\">\n");
        xml.append("  <emailProvider id=\"").append(Xml.escape(domain)).append("\">\n");
        xml.append("    ").append(Xml.element("domain", domain)).append('\n');
        xml.append("    ").append(Xml.element("displayName", domain)).append('\n');
        xml.append("    ").append(Xml.element("displayShortName", domain)).append('\n');
        // Listed in order of preference: the client tries the first one first.
        settings.servers(Protocol.IMAP).forEach(s -> server(xml, "incomingServer", "imap", s));
        settings.servers(Protocol.POP3).forEach(s -> server(xml, "incomingServer", "pop3", s));
        settings.servers(Protocol.SUBMISSION).forEach(s -> server(xml, "outgoingServer", "smtp", s));
        // ManageSieve (RFC 5804) has no element of its own in version 1.1; nothing to add for it.
        xml.append("  </emailProvider>\n");
        xml.append("</clientConfig>\n");
        return xml.toString();
    }

    private static void server(StringBuilder xml, String element, String type, MailServer server) {
        xml.append("    <").append(element).append(" type=\"").append(type).append("\">\n");
        xml.append("      ").append(Xml.element("hostname", server.host())).append('\n');
        xml.append("      ").append(Xml.element("port", server.port())).append('\n');
        xml.append("      ").append(Xml.element("socketType", server.implicitTls() ? "SSL" : "STARTTLS")).append('\n');
        xml.append("      ").append(Xml.element("username", "%EMAILADDRESS%")).append('\n');
        // "password-cleartext": the password as is (IMAP LOGIN, SASL PLAIN), protected by the TLS layer.
        xml.append("      ").append(Xml.element("authentication", "password-cleartext")).append('\n');
        xml.append("    </").append(element).append(">\n");
    }
}
