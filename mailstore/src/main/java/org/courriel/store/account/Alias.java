package org.courriel.store.account;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * An address that delivers to other addresses: local accounts, other aliases or external addresses.
 * The address {@code @domain} is the domain's catch-all.
 */
@Entity
@Table(name = "alias")
public class Alias {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "domain_id", nullable = false)
    private Domain domain;

    @Column(nullable = false, length = 320)
    private String address;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "alias_target", joinColumns = @JoinColumn(name = "alias_id"))
    @Column(name = "target", nullable = false, length = 320)
    private Set<String> targets = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Alias() {
    }

    public Alias(Domain domain, String address, Set<String> targets) {
        this.domain = domain;
        this.address = address;
        this.targets.addAll(targets);
        this.createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getAddress() {
        return address;
    }

    public Set<String> getTargets() {
        return targets;
    }

    public boolean isCatchAll() {
        return address.startsWith("@");
    }
}
