package org.courriel.api.autoconfig;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** Thunderbird's autoconfiguration lookup, on the mail domain and on {@code autoconfig.<domain>}. */
@RestController
@Tag(name = "autoconfig", description = "Settings for mail clients that configure themselves; public")
public class MozillaAutoconfigController {

    private final ClientSettingsService settings;

    public MozillaAutoconfigController(ClientSettingsService settings) {
        this.settings = settings;
    }

    /** The host name Thunderbird asks on behalf of a domain (https://autoconfig.example.org/mail/...). */
    static final String HOST_PREFIX = "autoconfig.";

    @Operation(summary = "Mozilla autoconfiguration (clientConfig 1.1) of a hosted domain's address; without "
            + "emailaddress, of the domain the request was sent to")
    @SecurityRequirements
    @GetMapping(path = {AutoconfigPaths.MOZILLA_WELL_KNOWN, AutoconfigPaths.MOZILLA})
    public ResponseEntity<String> config(@RequestParam(name = "emailaddress", required = false) String emailAddress,
            HttpServletRequest request) {
        ClientSettings found = emailAddress != null ? settings.settings(emailAddress, "emailaddress")
                : settings.settingsOfDomain(domainOfHost(request.getServerName()));
        return AutoconfigResponses.ok(MozillaAutoconfig.write(found), MozillaAutoconfig.MEDIA_TYPE);
    }

    private static String domainOfHost(String host) {
        return host.regionMatches(true, 0, HOST_PREFIX, 0, HOST_PREFIX.length())
                ? host.substring(HOST_PREFIX.length()) : host;
    }
}
