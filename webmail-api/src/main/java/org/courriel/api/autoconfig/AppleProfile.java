package org.courriel.api.autoconfig;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.courriel.api.autoconfig.MailServer.Protocol;

/**
 * Writes an Apple configuration profile with one {@code com.apple.mail.managed} payload (Apple's
 * "Configuration Profile Reference", Mail payload), unsigned, as a property list in XML. The payload holds
 * one incoming and one outgoing server: the preferred ones, with implicit TLS ({@code UseSSL}). Its UUIDs are
 * derived from the address, so installing the profile again replaces the earlier one. Pure: no I/O.
 */
public final class AppleProfile {

    public static final String MEDIA_TYPE = "application/x-apple-aspen-config";

    private static final String IDENTIFIER = "org.courriel.autoconfig";

    private AppleProfile() {
    }

    public static String write(ClientSettings settings) {
        String address = settings.address();
        MailServer imap = settings.preferred(Protocol.IMAP);
        MailServer smtp = settings.preferred(Protocol.SUBMISSION);
        StringBuilder plist = new StringBuilder(Xml.DECLARATION);
        plist.append("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" ")
                .append("\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n");
        plist.append("<plist version=\"1.0\">\n<dict>\n");
        key(plist, "PayloadContent");
        plist.append("<array>\n<dict>\n");
        string(plist, "EmailAccountDescription", address);
        string(plist, "EmailAccountType", "EmailTypeIMAP"); // POP3 would be EmailTypePOP
        string(plist, "EmailAddress", address);
        string(plist, "IncomingMailServerAuthentication", "EmailAuthPassword");
        string(plist, "IncomingMailServerHostName", imap.host());
        integer(plist, "IncomingMailServerPortNumber", imap.port());
        bool(plist, "IncomingMailServerUseSSL", imap.implicitTls());
        string(plist, "IncomingMailServerUsername", address);
        string(plist, "OutgoingMailServerAuthentication", "EmailAuthPassword");
        string(plist, "OutgoingMailServerHostName", smtp.host());
        integer(plist, "OutgoingMailServerPortNumber", smtp.port());
        bool(plist, "OutgoingMailServerUseSSL", smtp.implicitTls());
        string(plist, "OutgoingMailServerUsername", address);
        bool(plist, "OutgoingPasswordSameAsIncomingPassword", true);
        string(plist, "PayloadDescription", "IMAP and submission settings of " + address);
        string(plist, "PayloadDisplayName", address);
        string(plist, "PayloadIdentifier", IDENTIFIER + ".mail." + uuid("mail", address));
        string(plist, "PayloadType", "com.apple.mail.managed");
        string(plist, "PayloadUUID", uuid("mail", address));
        integer(plist, "PayloadVersion", 1);
        plist.append("</dict>\n</array>\n");
        string(plist, "PayloadDescription", "Mail settings of " + address + " on " + imap.host());
        string(plist, "PayloadDisplayName", "Mail: " + address);
        string(plist, "PayloadIdentifier", IDENTIFIER + "." + uuid("profile", address));
        bool(plist, "PayloadRemovalDisallowed", false);
        string(plist, "PayloadType", "Configuration");
        string(plist, "PayloadUUID", uuid("profile", address));
        integer(plist, "PayloadVersion", 1);
        plist.append("</dict>\n</plist>\n");
        return plist.toString();
    }

    /** A name-based UUID (RFC 9562 §5.3): the same address always gets the same one. */
    static String uuid(String purpose, String address) {
        return UUID.nameUUIDFromBytes((IDENTIFIER + "/" + purpose + "/" + address).getBytes(StandardCharsets.UTF_8))
                .toString().toUpperCase(java.util.Locale.ROOT);
    }

    private static void key(StringBuilder plist, String key) {
        plist.append(Xml.element("key", key)).append('\n');
    }

    private static void string(StringBuilder plist, String key, String value) {
        key(plist, key);
        plist.append(Xml.element("string", value)).append('\n');
    }

    private static void integer(StringBuilder plist, String key, int value) {
        key(plist, key);
        plist.append(Xml.element("integer", value)).append('\n');
    }

    private static void bool(StringBuilder plist, String key, boolean value) {
        key(plist, key);
        plist.append(value ? "<true/>" : "<false/>").append('\n');
    }
}
