package org.courriel.api.problem;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * Answers paths under {@code /api} that no endpoint serves with a 404 problem detail, like every other
 * refusal of the API, instead of the servlet container's error page. Matched last: any real mapping is more
 * specific. (A known path asked with another method also lands here, as 404 rather than 405.)
 */
@Hidden
@RestController
public class UnknownEndpointController {

    @RequestMapping("/api/**")
    public void unknown() {
        throw ApiException.notFound("no such endpoint");
    }
}
