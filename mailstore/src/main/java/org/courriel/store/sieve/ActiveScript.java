package org.courriel.store.sieve;

/** The script that runs at delivery for an account. */
public record ActiveScript(String name, String content) {
}
