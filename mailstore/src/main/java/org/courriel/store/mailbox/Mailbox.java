package org.courriel.store.mailbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A folder. Its counters (uid_next, highest_modseq, and the STATUS counters message_count, unseen_count,
 * deleted_count, total_size) are advanced with plain SQL by {@link org.courriel.store.message.MessageWriter}
 * under the row lock; this entity only creates, renames and deletes mailboxes. So it never writes them back:
 * they are not updatable here (an UPDATE of a rename would otherwise restore the values it loaded, undoing a
 * delivery that committed in between), and the STATUS counters are not mapped (their defaults start them at 0).
 */
@Entity
@Table(name = "mailbox")
public class Mailbox {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(nullable = false, length = 1000)
    private String name;

    @Column(name = "uid_validity", nullable = false)
    private long uidValidity;

    @Column(name = "uid_next", nullable = false, updatable = false)
    private long uidNext;

    @Column(name = "highest_modseq", nullable = false, updatable = false)
    private long highestModseq;

    @Enumerated(EnumType.STRING)
    @Column(name = "special_use", length = 16)
    private SpecialUse specialUse;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Mailbox() {
    }

    Mailbox(long accountId, String name, long uidValidity, SpecialUse specialUse) {
        this.accountId = accountId;
        this.name = name;
        this.uidValidity = uidValidity;
        this.uidNext = 1;
        this.highestModseq = 1;
        this.specialUse = specialUse;
        this.createdAt = Instant.now();
    }

    MailboxInfo info() {
        return new MailboxInfo(id, accountId, name, uidValidity, uidNext, highestModseq, specialUse);
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    void setSpecialUse(SpecialUse specialUse) {
        this.specialUse = specialUse;
    }
}
