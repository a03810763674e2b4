package org.courriel.api.message;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.courriel.api.ApiConfiguration;
import org.courriel.api.ApiProperties;
import org.courriel.api.mailbox.AccountMailboxes;
import org.courriel.api.problem.ApiException;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.message.MessageService;
import org.courriel.store.search.MessageFilter;
import org.courriel.store.search.MessageListPage;
import org.courriel.store.search.MessageListing;
import org.courriel.store.search.MessageQuery;
import org.courriel.store.section.MessageSections;
import org.courriel.store.section.SectionSpec;
import org.courriel.store.section.UnknownTransferEncodingException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Reading the caller's messages: listings with sort, paging and search, one message with its decoded parts,
 * the raw message and its attachments as downloads. Changes are in {@link MessageChangeController}.
 */
@RestController
@Tag(name = "Messages", description = "List, read, flag, move, copy and delete messages")
@SecurityRequirement(name = ApiConfiguration.BASIC_AUTH)
public class MessageController {

    /** RFC 9110 §8.3 and the WHATWG fetch standard: downloads are what they say they are, never sniffed. */
    static final String NOSNIFF = "nosniff";
    /** Downloads opened in a browser run no script and load nothing. */
    static final String DOWNLOAD_CSP = "default-src 'none'; sandbox";

    private final AccountMailboxes mailboxes;
    private final AccountMessages access;
    private final MessageListing listing;
    private final MessageService messages;
    private final ApiProperties properties;

    public MessageController(AccountMailboxes mailboxes, AccountMessages access, MessageListing listing,
            MessageService messages, ApiProperties properties) {
        this.mailboxes = mailboxes;
        this.access = access;
        this.listing = listing;
        this.messages = messages;
        this.properties = properties;
    }

    @GetMapping(path = "/api/v1/mailboxes/{mailboxId}/messages", produces = "application/json")
    @Operation(summary = "List and search a mailbox", description = "One page of the mailbox's messages, sorted and "
            + "filtered. Text filters match substrings without regard to case; dates are days in UTC.")
    public MessagePage list(@AuthenticationPrincipal AccountInfo me,
            @Parameter(description = "Mailbox id", example = "12") @PathVariable long mailboxId,
            @Parameter(description = "Page number, from 0", example = "0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Messages per page (default and maximum are configured)", example = "50")
            @RequestParam(required = false) Integer size,
            @Parameter(description = "Sort key, as IMAP SORT's (RFC 5256, RFC 5957): from, to and cc by the first "
                    + "address's local part, subject by the base subject (without Re:, Fwd:, [tags]), displayfrom and "
                    + "displayto by the display name", schema = @Schema(allowableValues = {"date", "arrival", "from",
                    "to", "cc", "subject", "size", "displayfrom", "displayto"})) @RequestParam(defaultValue = "date")
            String sort,
            @Parameter(description = "Sort order", schema = @Schema(allowableValues = {"asc", "desc"}))
            @RequestParam(defaultValue = "desc") String order,
            @Parameter(description = "Substring of the From header", example = "alice") @RequestParam(required = false) String from,
            @Parameter(description = "Substring of the To header") @RequestParam(required = false) String to,
            @Parameter(description = "Substring of the subject", example = "minutes") @RequestParam(required = false) String subject,
            @Parameter(description = "Substring of the header or decoded text") @RequestParam(required = false) String text,
            @Parameter(description = "Dated on or after this day", example = "2026-01-01")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
            @Parameter(description = "Dated before this day", example = "2026-02-01")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate before,
            @Parameter(description = "Only seen (true) or unseen (false)") @RequestParam(required = false) Boolean seen,
            @Parameter(description = "Only flagged (true) or not (false)") @RequestParam(required = false) Boolean flagged,
            @Parameter(description = "Only with (true) or without (false) attachments")
            @RequestParam(required = false) Boolean hasAttachment) {
        MailboxInfo mailbox = mailboxes.byId(me, mailboxId);
        int pageSize = size == null ? properties.defaultPageSize() : size;
        if (pageSize < 1 || pageSize > properties.maxPageSize()) {
            throw ApiException.invalid("size", "page size must be 1 to " + properties.maxPageSize());
        }
        if (page < 0 || (long) page * pageSize > Integer.MAX_VALUE) {
            throw ApiException.invalid("page", "page out of range");
        }
        MessageQuery.Sort sortKey;
        try {
            sortKey = MessageQuery.Sort.of(sort);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("sort", "sort is one of date, arrival, from, to, cc, subject, size, displayfrom, displayto");
        }
        if (!order.equalsIgnoreCase("asc") && !order.equalsIgnoreCase("desc")) {
            throw ApiException.invalid("order", "order is asc or desc");
        }
        MessageFilter filter = new MessageFilter(from, to, subject, text, since, before, seen, flagged, hasAttachment);
        MessageListPage found = listing.list(new MessageQuery(mailbox.id(), filter, sortKey,
                order.equalsIgnoreCase("desc"), page, pageSize));
        List<MessageItem> items = found.messages().stream().map(r -> MessageViews.item(mailbox, r)).toList();
        return new MessagePage(items, page, pageSize, found.total());
    }

    @GetMapping(path = "/api/v1/messages/{id}", produces = "application/json")
    @Operation(summary = "Read a message", description = "Headers, the text and HTML parts decoded to UTF-8 and the "
            + "attachment list. The HTML is data for the client to render safely; it is not sanitised here.")
    public MessageDetail get(@AuthenticationPrincipal AccountInfo me,
            @Parameter(description = "Message id", example = "AQyA0rK1BgE") @PathVariable String id) {
        AccountMessages.Located m = access.get(me, id);
        return MessageViews.detail(m.mailbox(), m.message(), messages.content(m.message().contentId()));
    }

    @GetMapping(path = "/api/v1/messages/{id}/raw", produces = "message/rfc822")
    @Operation(summary = "Download the message as received (RFC 5322 bytes)",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "message/rfc822",
                    schema = @Schema(type = "string", format = "binary"))))
    public ResponseEntity<byte[]> raw(@AuthenticationPrincipal AccountInfo me, @PathVariable String id) {
        AccountMessages.Located m = access.get(me, id);
        byte[] bytes = messages.content(m.message().contentId());
        return download(bytes, MediaType.parseMediaType("message/rfc822"), "message-" + m.message().uid() + ".eml");
    }

    @GetMapping(path = "/api/v1/messages/{id}/attachments/{partId}", produces = MediaType.ALL_VALUE)
    @Operation(summary = "Download one attachment, decoded", description = "The part's content with its transfer "
            + "encoding undone, under its own media type and file name.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/octet-stream",
                    schema = @Schema(type = "string", format = "binary"))))
    public ResponseEntity<byte[]> attachment(@AuthenticationPrincipal AccountInfo me, @PathVariable String id,
            @Parameter(description = "IMAP part number from the attachment list", example = "2") @PathVariable String partId) {
        AccountMessages.Located m = access.get(me, id);
        BodyParts.Attachment part = BodyParts.of(m.message().summary().body()).attachment(partId)
                .orElseThrow(() -> ApiException.notFound("no attachment " + partId));
        byte[] content = messages.content(m.message().contentId());
        byte[] bytes;
        MediaType type;
        try {
            bytes = MessageSections.decoded(content, BodyParts.parsePartId(partId));
            type = mediaType(part);
        } catch (UnknownTransferEncodingException e) {
            // RFC 3516 §4.3's case: served as it is stored, as opaque bytes
            bytes = MessageSections.extract(content, SectionSpec.part(BodyParts.parsePartId(partId)));
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        String name = MessageViews.fileName(part);
        return download(bytes, type, name == null ? "part-" + partId : name);
    }

    private static MediaType mediaType(BodyParts.Attachment a) {
        try {
            MediaType type = MediaType.parseMediaType(MessageViews.contentType(a.part()));
            String charset = a.part().parameter("charset");
            return charset != null && a.part().isText() ? new MediaType(type, Map.of("charset", charset)) : type;
        } catch (RuntimeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    /** A download: attachment disposition with the file name (RFC 6266, UTF-8 in filename*), never sniffed. */
    static ResponseEntity<byte[]> download(byte[] bytes, MediaType type, String fileName) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        headers.setContentDisposition(ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build());
        headers.set("X-Content-Type-Options", NOSNIFF);
        headers.set("Content-Security-Policy", DOWNLOAD_CSP);
        headers.setContentLength(bytes.length);
        return ResponseEntity.ok().headers(headers).body(bytes);
    }
}
