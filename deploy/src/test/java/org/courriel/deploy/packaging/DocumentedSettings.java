package org.courriel.deploy.packaging;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings docs/configuration.md documents: the first cell of its tables and the {@code name=value}
 * lines of its examples, compared the way Spring's relaxed binding maps an environment variable
 * ({@code COURRIEL_DATA_DIR}) to a property ({@code courriel.data-dir}).
 */
final class DocumentedSettings {

    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| `([a-z][a-z0-9.\\[\\]<>-]*)`");
    private static final Pattern EXAMPLE_LINE = Pattern.compile("(?m)^([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)=");

    private final Set<String> canonical = new HashSet<>();

    DocumentedSettings(String markdown) {
        for (Pattern pattern : new Pattern[] {TABLE_ROW, EXAMPLE_LINE}) {
            Matcher matcher = pattern.matcher(markdown);
            while (matcher.find()) {
                canonical.add(canonical(matcher.group(1)));
            }
        }
    }

    static DocumentedSettings load() {
        return new DocumentedSettings(PackagingFiles.read(PackagingFiles.ROOT.resolve("docs/configuration.md")));
    }

    /** Whether an environment variable names a documented setting. */
    boolean documentsVariable(String variable) {
        return canonical.contains(canonical(variable));
    }

    private static String canonical(String name) {
        return name.replaceAll("[._-]", "").toLowerCase(Locale.ROOT);
    }
}
