package org.courriel.api.autoconfig;

import java.io.IOException;
import java.io.InputStream;

import org.courriel.api.problem.ApiException;
import org.courriel.api.problem.ProblemType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Microsoft Autodiscover, "plain old XML" ([MS-OXDSCLI]): Outlook POSTs a request naming the address; a GET
 * with {@code ?emailaddress=} is answered too, as some clients probe that way. The body is bounded by
 * {@code courriel.client-config.max-request-size} (413 beyond) and read whole before it is parsed.
 */
@RestController
@Tag(name = "autoconfig")
public class AutodiscoverController {

    private final ClientSettingsService settings;
    private final long maxBody;

    public AutodiscoverController(ClientSettingsService settings, ClientConfigProperties config) {
        this.settings = settings;
        this.maxBody = config.maxRequestSize().toBytes();
    }

    @Operation(summary = "Autodiscover (Outlook response schema 2006a) for the request's EMailAddress")
    @SecurityRequirements
    @PostMapping(path = {AutoconfigPaths.AUTODISCOVER, AutoconfigPaths.AUTODISCOVER_CAPITALIZED})
    public ResponseEntity<String> post(HttpServletRequest request) throws IOException {
        AutodiscoverRequest parsed = AutodiscoverRequest.parse(body(request));
        if (!parsed.acceptsOutlookSchema()) {
            // e.g. Exchange ActiveSync's mobilesync schema: a document of another schema would be misread
            throw ApiException.invalid(AutodiscoverRequest.SCHEMA_FIELD,
                    "only the Outlook response schema " + AutodiscoverResponse.OUTLOOK_NS + " is offered");
        }
        return answer(parsed.emailAddress(), AutodiscoverRequest.FIELD);
    }

    @Operation(summary = "Autodiscover (Outlook response schema 2006a) for an address given as a parameter")
    @SecurityRequirements
    @GetMapping(path = {AutoconfigPaths.AUTODISCOVER, AutoconfigPaths.AUTODISCOVER_CAPITALIZED})
    public ResponseEntity<String> get(@RequestParam("emailaddress") String emailAddress) {
        return answer(emailAddress, "emailaddress");
    }

    private ResponseEntity<String> answer(String address, String field) {
        return AutoconfigResponses.ok(AutodiscoverResponse.write(settings.settings(address, field)),
                AutodiscoverResponse.MEDIA_TYPE);
    }

    /** The whole body, refused as soon as it is known to exceed the limit (declared, or read so far). */
    private byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBody) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) maxBody + 1);
            if (body.length > maxBody) {
                throw tooLarge();
            }
            return body;
        }
    }

    private ApiException tooLarge() {
        return new ApiException(ProblemType.TOO_LARGE, "the Autodiscover request is larger than " + maxBody + " bytes");
    }
}
