package org.courriel.store.metadata;

/**
 * One annotation: its entry name (lower case, starting with {@code /private} or {@code /shared}) and its value,
 * or null for "no value" (SETMETADATA with NIL removes the entry, RFC 5464 §4.3).
 */
public record MetadataEntry(String name, byte[] value) {

    public MetadataEntry {
        name = name.toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isPrivate() {
        return name.startsWith("/private/");
    }
}
