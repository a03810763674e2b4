package org.courriel.api.admin;

import java.util.List;

import org.courriel.api.ApiConfiguration;
import org.courriel.api.ApiProperties;
import org.courriel.api.problem.ApiException;
import org.courriel.api.problem.ProblemType;
import org.courriel.mta.queue.QueueEntry;
import org.courriel.mta.queue.QueueFilter;
import org.courriel.mta.queue.QueueService;
import org.courriel.mta.queue.RecipientState;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The outbound queue: list, show with attempts, retry now, delete (admin role). */
@RestController
@RequestMapping(path = "/api/v1/admin/queue", produces = "application/json")
@Tag(name = "Admin")
@SecurityRequirement(name = ApiConfiguration.BASIC_AUTH)
public class QueueAdminController {

    private final QueueService queue;
    private final ApiProperties properties;

    public QueueAdminController(QueueService queue, ApiProperties properties) {
        this.queue = queue;
        this.properties = properties;
    }

    @GetMapping
    @Operation(summary = "List the outbound queue", description = "Entries newest first, with their recipients. "
            + "Page with beforeId: the nextBeforeId of the previous page. Finished entries stay listed for "
            + "courriel.queue.retention.")
    public QueueViews.QueuePage list(
            @Parameter(description = "Entries with at least one recipient in this state", example = "DEFERRED")
            @RequestParam(required = false) RecipientState state,
            @Parameter(description = "Substring of the envelope sender, without regard to case", example = "bob@")
            @RequestParam(required = false) String sender,
            @Parameter(description = "Entries with a recipient in this domain", example = "example.com")
            @RequestParam(required = false) String domain,
            @Parameter(description = "Only finished entries (true) or only entries still queued (false)")
            @RequestParam(required = false) Boolean finished,
            @Parameter(description = "Entries with an id below this one", example = "4183")
            @RequestParam(required = false) Long beforeId,
            @Parameter(description = "Most entries listed (default and maximum are the API's page sizes)",
                    example = "50") @RequestParam(required = false) Integer limit) {
        int max = Math.min(properties.maxPageSize(), QueueFilter.MAX_LIMIT);
        int size = limit == null ? Math.min(properties.defaultPageSize(), max) : limit;
        if (size < 1 || size > max) {
            throw ApiException.invalid("limit", "limit must be 1 to " + max);
        }
        List<QueueEntry> entries = queue.list(new QueueFilter(state, sender, domain, finished, beforeId, size));
        Long next = entries.size() == size ? entries.get(entries.size() - 1).id() : null;
        return new QueueViews.QueuePage(entries.stream().map(QueueViews.EntryView::of).toList(), next);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Show one queue entry", description = "Its recipients and every delivery attempt, "
            + "oldest first.")
    public QueueViews.DetailView show(@Parameter(description = "Queue entry id", example = "4183") @PathVariable long id) {
        return QueueViews.DetailView.of(queue.show(id).orElseThrow(() -> notFound(id)));
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Retry a queue entry now", description = "Its queued and deferred recipients become due "
            + "at once and a worker is woken. 409 when no recipient is waiting (all delivered or failed).")
    public QueueViews.RetryView retry(@Parameter(description = "Queue entry id", example = "4183") @PathVariable long id) {
        if (queue.show(id).isEmpty()) {
            throw notFound(id);
        }
        int due = queue.retryNow(id);
        if (due == 0) {
            throw new ApiException(ProblemType.CONFLICT, "queue entry " + id + " has no recipient waiting");
        }
        return new QueueViews.RetryView(id, due);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a queue entry", description = "Without notifying the sender. A recipient being "
            + "delivered at that moment may still reach its server.")
    public ResponseEntity<Void> delete(@Parameter(description = "Queue entry id", example = "4183") @PathVariable long id) {
        if (!queue.delete(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("no queue entry " + id);
    }
}
