package org.courriel.api.problem;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * Documents the problem responses in the OpenAPI description: one {@code Problem} schema (RFC 9457) and, on
 * every API operation, the refusals it can answer with, so clients see the error contract next to the
 * success one.
 */
public final class ProblemResponses implements OpenApiCustomizer {

    static final String SCHEMA = "Problem";

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getComponents().addSchemas(SCHEMA, schema());
        api.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperationsMap().forEach((method, op) -> describe(path, method, op));
            }
        });
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation op) {
        add(op, ProblemType.UNAUTHENTICATED, "No or wrong credentials; carries the Basic challenge");
        add(op, ProblemType.RATE_LIMITED, "Too many requests from this account; see Retry-After");
        if (path.contains("{") || path.startsWith("/api/v1/admin/")) {
            add(op, ProblemType.NOT_FOUND, "Not found in this account (also for another account's ids)");
        }
        if (method != PathItem.HttpMethod.GET || path.endsWith("/messages")) {
            add(op, ProblemType.INVALID_REQUEST, "A parameter or field is not valid; \"field\" names it");
        }
        if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.DELETE || path.contains("/mailboxes/")
                || path.contains("/admin/")) {
            add(op, ProblemType.CONFLICT, "Conflicts with the current state, or exists already");
        }
        if (path.startsWith("/api/v1/admin/") || path.equals("/api/v1/send")) {
            add(op, ProblemType.FORBIDDEN, path.equals("/api/v1/send") ? "The From address is not the account's"
                    : "The account is not an administrator");
        }
        if (path.equals("/api/v1/send")) {
            add(op, ProblemType.TOO_LARGE, "The message or the upload is larger than courriel.api.max-message-size");
            add(op, ProblemType.OVER_QUOTA, "No room left for the copy in Sent (over-quota), or the server's disk is "
                    + "nearly full for now (storage-full)");
        }
    }

    private static void add(Operation op, ProblemType type, String description) {
        String code = Integer.toString(type.status().value());
        if (op.getResponses() == null || op.getResponses().containsKey(code)) {
            return;
        }
        op.getResponses().addApiResponse(code, new ApiResponse().description(description)
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))
                                .example(Map.of("type", type.type().toString(), "title", type.title(),
                                        "status", type.status().value(), "detail", description)))));
    }

    private static Schema<?> schema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().description("URI of the problem type")
                        .example("urn:courriel:problem:not-found"))
                .addProperty("title", new StringSchema().description("Short summary of the type").example("Not found"))
                .addProperty("status", new IntegerSchema().description("HTTP status").example(404))
                .addProperty("detail", new StringSchema().description("What went wrong this time"))
                .addProperty("instance", new StringSchema().description("The request path"))
                .addProperty(Problems.FIELD, new StringSchema()
                        .description("The parameter or JSON field at fault, for 400").example("to[1]"));
    }
}
