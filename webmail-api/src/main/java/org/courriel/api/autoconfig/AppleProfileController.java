package org.courriel.api.autoconfig;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/** An Apple configuration profile to download and install on macOS or iOS. */
@RestController
@Tag(name = "autoconfig")
public class AppleProfileController {

    private final ClientSettingsService settings;

    public AppleProfileController(ClientSettingsService settings) {
        this.settings = settings;
    }

    @Operation(summary = "Unsigned Apple configuration profile (com.apple.mail.managed) of a hosted domain's address")
    @SecurityRequirements
    @GetMapping(path = AutoconfigPaths.APPLE)
    public ResponseEntity<String> profile(@RequestParam("emailaddress") String emailAddress) {
        String body = AppleProfile.write(settings.settings(emailAddress, "emailaddress"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"courriel.mobileconfig\"")
                .headers(AutoconfigResponses.headers(AppleProfile.MEDIA_TYPE))
                .body(body);
    }
}
