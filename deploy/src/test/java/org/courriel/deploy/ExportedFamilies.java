package org.courriel.deploy;

import java.util.Map;
import java.util.TreeMap;

/** The families of a Prometheus text exposition, from its {@code # TYPE} lines. */
final class ExportedFamilies {

    private ExportedFamilies() {
    }

    /**
     * The {@code courriel_*} families and Spring's {@code http_server_requests_seconds}, name to type. The
     * {@code _max} gauge Micrometer adds beside each timer and distribution summary is part of its family.
     */
    static Map<String, String> parse(String exposition) {
        Map<String, String> all = new TreeMap<>();
        for (String line : exposition.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring("# TYPE ".length()).trim().split(" ");
                all.put(parts[0], parts[1]);
            }
        }
        Map<String, String> families = new TreeMap<>();
        all.forEach((name, type) -> {
            boolean ours = name.startsWith("courriel_") || name.startsWith("http_server_requests_seconds");
            boolean max = name.endsWith("_max") && type.equals("gauge")
                    && all.containsKey(name.substring(0, name.length() - "_max".length()));
            if (ours && !max) {
                families.put(name, type);
            }
        });
        return families;
    }
}
