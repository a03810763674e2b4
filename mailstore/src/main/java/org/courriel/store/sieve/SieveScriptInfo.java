package org.courriel.store.sieve;

/** One stored script's name and whether it is the active one (RFC 5804 §2.7 LISTSCRIPTS). */
public record SieveScriptInfo(String name, boolean active) {
}
