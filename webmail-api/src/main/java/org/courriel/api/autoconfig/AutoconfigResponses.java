package org.courriel.api.autoconfig;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The headers every autoconfiguration document is sent with. */
final class AutoconfigResponses {

    private AutoconfigResponses() {
    }

    static ResponseEntity<String> ok(String body, String mediaType) {
        return ResponseEntity.ok().headers(headers(mediaType)).body(body);
    }

    /**
     * The media type with UTF-8, and no caching by shared caches: the answer names the address asked about
     * (RFC 9111 §5.2.2.7).
     */
    static HttpHeaders headers(String mediaType) {
        HttpHeaders headers = new HttpHeaders();
        MediaType type = MediaType.parseMediaType(mediaType);
        headers.setContentType(new MediaType(type, StandardCharsets.UTF_8));
        headers.setCacheControl(CacheControl.noCache().cachePrivate());
        return headers;
    }
}
