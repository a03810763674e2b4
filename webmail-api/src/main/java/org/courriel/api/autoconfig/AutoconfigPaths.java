package org.courriel.api.autoconfig;

/** The public paths of the autoconfiguration endpoints: the security configuration permits these, no others. */
public final class AutoconfigPaths {

    /** Mozilla, on the mail domain itself (Thunderbird asks {@code https://<domain>/.well-known/...}). */
    public static final String MOZILLA_WELL_KNOWN = "/.well-known/autoconfig/mail/config-v1.1.xml";
    /** Mozilla, on the host {@code autoconfig.<domain>}. */
    public static final String MOZILLA = "/mail/config-v1.1.xml";
    /** Microsoft Autodiscover; Outlook spells it with and without capitals. */
    public static final String AUTODISCOVER = "/autodiscover/autodiscover.xml";
    public static final String AUTODISCOVER_CAPITALIZED = "/Autodiscover/Autodiscover.xml";
    /** Apple configuration profile. */
    public static final String APPLE = "/apple/courriel.mobileconfig";

    public static final String[] ALL = {MOZILLA_WELL_KNOWN, MOZILLA, AUTODISCOVER, AUTODISCOVER_CAPITALIZED, APPLE};

    private AutoconfigPaths() {
    }
}
