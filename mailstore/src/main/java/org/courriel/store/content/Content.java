package org.courriel.store.content;

import java.time.Instant;

import org.hibernate.annotations.Immutable;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The mapping of a content row. {@link ContentStore} writes it with plain SQL; the entity is read-only and
 * keeps Hibernate's schema validation honest.
 */
@Entity
@Immutable
@Table(name = "content")
public class Content {

    @Id
    private Long id;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(nullable = false)
    private long size;

    @Column(name = "ref_count", nullable = false)
    private int refCount;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] header;

    @Column(nullable = false, columnDefinition = "varchar")
    private String summary;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Content() {
    }

    public Long getId() {
        return id;
    }

    public String getSha256() {
        return sha256;
    }

    public int getRefCount() {
        return refCount;
    }
}
