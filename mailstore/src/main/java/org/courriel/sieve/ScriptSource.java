package org.courriel.sieve;

/** Where {@code include} finds the scripts it names (RFC 6609 §3.2): the account's own ones. */
@FunctionalInterface
public interface ScriptSource {

    /** No script can be included. */
    ScriptSource NONE = (name, global) -> null;

    /**
     * The text of the script of that name, or null when there is none.
     *
     * @param global :global, a site-wide script, rather than one of the user's (:personal)
     */
    String script(String name, boolean global);
}
