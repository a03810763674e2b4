package org.courriel.api.send;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.courriel.api.ApiConfiguration;
import org.courriel.api.problem.ApiException;
import org.courriel.store.account.AccountInfo;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Sends a message as the authenticated account: JSON alone, or multipart with attachments. */
@RestController
@Tag(name = "Send", description = "Submit a message: local recipients get it at once, remote ones through the queue")
@SecurityRequirement(name = ApiConfiguration.BASIC_AUTH)
public class SendController {

    private static final String SUMMARY = "Send a message";
    private static final String DESCRIPTION = "As JSON, or as multipart/form-data with the JSON in the part "
            + "\"message\" (Content-Type application/json) and each file in a part \"attachments\". Builds the MIME "
            + "message (Message-ID and Date added), delivers it to local recipients, queues it for remote ones and "
            + "stores a copy, marked \\Seen, in Sent: 202 once all that is durable. 403 when the From address is not "
            + "the account's; 400 names the field at fault (an unknown local recipient too); 413 past "
            + "courriel.api.max-message-size; 422 when the spam filter refuses the message, 503 when it asks to try "
            + "later.";

    private final SendService sender;

    public SendController(SendService sender) {
        this.sender = sender;
    }

    @PostMapping(path = "/api/v1/send", consumes = MediaType.APPLICATION_JSON_VALUE, produces = "application/json")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    public SendResult send(@AuthenticationPrincipal AccountInfo me, @RequestBody SendRequest request,
            HttpServletRequest http) {
        return sender.send(me, request, List.of(), http.getRemoteAddr());
    }

    @PostMapping(path = "/api/v1/send", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = "application/json")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    public SendResult sendWithAttachments(@AuthenticationPrincipal AccountInfo me,
            @Parameter(description = "The message as JSON") @RequestPart("message") SendRequest request,
            @Parameter(description = "Files to attach") @RequestPart(name = "attachments", required = false)
            List<MultipartFile> files, HttpServletRequest http) {
        List<Attachment> attachments = new ArrayList<>();
        if (files != null) {
            for (int i = 0; i < files.size(); i++) {
                attachments.add(attachment(files.get(i), i));
            }
        }
        return sender.send(me, request, attachments, http.getRemoteAddr());
    }

    private static Attachment attachment(MultipartFile file, int index) {
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            throw ApiException.invalid("attachments[" + index + "]", "an attachment needs a file name");
        }
        String type = MediaType.APPLICATION_OCTET_STREAM_VALUE;
        if (file.getContentType() != null) {
            try {
                MediaType parsed = MediaType.parseMediaType(file.getContentType());
                type = parsed.getType() + "/" + parsed.getSubtype();
            } catch (RuntimeException e) {
                throw ApiException.invalid("attachments[" + index + "]", "not a media type: " + file.getContentType());
            }
        }
        try {
            return new Attachment(name.replaceAll("[\\r\\n\"\\\\]", "_"), type, file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
