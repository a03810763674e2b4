package org.courriel.store.account;

/** A domain this server accepts mail for: a row of {@code domain} ({@link DomainRepository}). */
public final class Domain {

    private final long id;
    private final String name;

    Domain(long id, String name) {
        this.id = id;
        this.name = name;
    }

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
