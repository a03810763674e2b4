package org.courriel.api.sieve;

import org.courriel.api.ApiConfiguration;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.sieve.SimpleRules;
import org.courriel.store.sieve.SimpleRulesService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Out-of-office reply and forwarding without writing Sieve: the store writes the account's active script
 * ({@value SimpleRules#SCRIPT}) from these settings.
 */
@RestController
@Tag(name = "Automation", description = "Out-of-office reply and forwarding")
@SecurityRequirement(name = ApiConfiguration.BASIC_AUTH)
public class AutomationController {

    @Schema(description = "An out-of-office reply (RFC 5230 vacation)")
    public record VacationRequest(
            @Schema(example = "Out of office", nullable = true) String subject,
            @Schema(example = "I am away until Monday.") String text,
            @Schema(description = "Days between two replies to one sender, 1 to 90; default 7", nullable = true) Integer days) {
    }

    @Schema(description = "A forward of every message (RFC 5228 redirect)")
    public record ForwardRequest(
            @Schema(example = "bob@elsewhere.example") String address,
            @Schema(description = "Keep a copy in INBOX too") boolean keepCopy) {
    }

    private final SimpleRulesService rules;

    public AutomationController(SimpleRulesService rules) {
        this.rules = rules;
    }

    @GetMapping(path = "/api/v1/account/automation", produces = "application/json")
    @Operation(summary = "The out-of-office reply and forward", description = "Each is null when not set.")
    public SimpleRules get(@AuthenticationPrincipal AccountInfo me) {
        return rules.get(me.id());
    }

    @PutMapping(path = "/api/v1/account/automation/vacation", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Set the out-of-office reply")
    public SimpleRules setVacation(@AuthenticationPrincipal AccountInfo me, @RequestBody VacationRequest request) {
        return rules.setVacation(me.id(), new SimpleRules.Vacation(request.subject(), request.text(),
                request.days() == null ? 7 : request.days()));
    }

    @DeleteMapping("/api/v1/account/automation/vacation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Turn the out-of-office reply off")
    public void clearVacation(@AuthenticationPrincipal AccountInfo me) {
        rules.setVacation(me.id(), null);
    }

    @PutMapping(path = "/api/v1/account/automation/forward", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Forward every message to another address")
    public SimpleRules setForward(@AuthenticationPrincipal AccountInfo me, @RequestBody ForwardRequest request) {
        if (request.address() == null) {
            throw org.courriel.store.StoreException.invalid("address is required");
        }
        return rules.setForward(me.id(), new SimpleRules.Forward(request.address(), request.keepCopy()));
    }

    @DeleteMapping("/api/v1/account/automation/forward")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop forwarding")
    public void clearForward(@AuthenticationPrincipal AccountInfo me) {
        rules.setForward(me.id(), null);
    }
}
