package org.courriel.api.autoconfig;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Thunderbird's autoconfiguration lookup, on the mail domain and on {@code autoconfig.<domain>}. */
@RestController
@Tag(name = "autoconfig", description = "Settings for mail clients that configure themselves; public")
public class MozillaAutoconfigController {

    private final ClientSettingsService settings;

    public MozillaAutoconfigController(ClientSettingsService settings) {
        this.settings = settings;
    }

    @Operation(summary = "Mozilla autoconfiguration (clientConfig 1.1) of a hosted domain's address")
    @SecurityRequirements
    @GetMapping(path = {AutoconfigPaths.MOZILLA_WELL_KNOWN, AutoconfigPaths.MOZILLA})
    public ResponseEntity<String> config(@RequestParam("emailaddress") String emailAddress) {
        return AutoconfigResponses.ok(MozillaAutoconfig.write(settings.settings(emailAddress, "emailaddress")),
                MozillaAutoconfig.MEDIA_TYPE);
    }
}
