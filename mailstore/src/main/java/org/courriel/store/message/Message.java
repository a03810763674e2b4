package org.courriel.store.message;

import java.time.Instant;

import org.hibernate.annotations.Immutable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The mapping of a message row. Writes go through {@link MessageWriter} with plain SQL (batched, under the
 * mailbox row lock); the entity is read-only and keeps Hibernate's schema validation honest.
 */
@Entity
@Immutable
@Table(name = "message")
public class Message {

    @Id
    private Long id;

    @Column(name = "mailbox_id", nullable = false)
    private long mailboxId;

    @Column(nullable = false)
    private long uid;

    @Column(nullable = false)
    private long modseq;

    @Column(name = "content_id", nullable = false)
    private long contentId;

    @Column(name = "system_flags", nullable = false)
    private int systemFlags;

    @Column(length = 4000)
    private String keywords;

    @Column(name = "internal_date", nullable = false)
    private Instant internalDate;

    @Column(nullable = false)
    private long size;

    @Column(name = "sent_date")
    private Instant sentDate;

    @Column(length = 1000)
    private String subject;

    @Column(name = "from_address", length = 1000)
    private String fromAddress;

    @Column(name = "to_address", length = 1000)
    private String toAddress;

    @Column(name = "has_attachment", nullable = false)
    private boolean hasAttachment;

    protected Message() {
    }

    public Long getId() {
        return id;
    }

    public long getMailboxId() {
        return mailboxId;
    }

    public long getUid() {
        return uid;
    }
}
