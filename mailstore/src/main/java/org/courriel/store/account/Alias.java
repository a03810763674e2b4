package org.courriel.store.account;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An address that delivers to other addresses: local accounts, other aliases or external addresses.
 * The address {@code @domain} is the domain's catch-all. A row of {@code alias} with its {@code alias_target}
 * rows ({@link AliasRepository}).
 */
public final class Alias {

    private final long id;
    private final String address;
    private final Set<String> targets;

    Alias(long id, String address, Set<String> targets) {
        this.id = id;
        this.address = address;
        this.targets = new LinkedHashSet<>(targets);
    }

    public long getId() {
        return id;
    }

    public String getAddress() {
        return address;
    }

    public Set<String> getTargets() {
        return Collections.unmodifiableSet(targets);
    }

    public boolean isCatchAll() {
        return address.startsWith("@");
    }
}
