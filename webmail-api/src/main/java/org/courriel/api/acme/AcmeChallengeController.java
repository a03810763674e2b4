package org.courriel.api.acme;

import org.courriel.store.StoreException;
import org.courriel.store.acme.AcmeStore;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * HTTP-01 (RFC 8555 §8.3): the CA fetches {@code /.well-known/acme-challenge/<token>} and expects the key
 * authorization, from whichever node the name points at: it is read from the store.
 */
@RestController
@Tag(name = "ACME", description = "The HTTP-01 challenge a CA fetches while Courriel orders a certificate")
public class AcmeChallengeController {

    /** RFC 8555 §8.3. */
    public static final String PREFIX = "/.well-known/acme-challenge/";

    private final AcmeStore store;

    public AcmeChallengeController(AcmeStore store) {
        this.store = store;
    }

    @GetMapping(path = PREFIX + "{token}", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @Operation(summary = "The key authorization of a pending HTTP-01 challenge")
    @SecurityRequirements // public: the CA fetches it without credentials
    public ResponseEntity<String> keyAuthorization(@PathVariable String token) {
        // RFC 8555 §8.3: the body is the key authorization, media type application/octet-stream
        String body = store.challenge(token).orElseThrow(() -> StoreException.notFound("ACME challenge " + token));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).body(body);
    }
}
