package org.courriel.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** The tables of docs/metrics.md: one row per family, its first cell the family in backquotes. */
final class MetricsDocument {

    static final Path FILE = Path.of("../docs/metrics.md");

    /**
     * One documented family: its Prometheus type and whether it appears only after some event ("after ...") or
     * only with a setting the test does not make ("with `courriel....`").
     */
    record Row(String type, boolean appearsLater) {
    }

    private MetricsDocument() {
    }

    static Map<String, Row> read() throws IOException {
        return parse(Files.readString(FILE, StandardCharsets.UTF_8));
    }

    /** Rows are {@code | `family` | type | tags | unit | meaning | appears |}; other lines are prose. */
    static Map<String, Row> parse(String markdown) {
        Map<String, Row> rows = new TreeMap<>();
        for (String line : markdown.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split("\\|", -1);
            if (cells.length < 6) {
                throw new IllegalArgumentException("a metrics row needs six cells: " + line);
            }
            String family = cells[0].trim().replace("`", "");
            String appears = cells[cells.length - 1].trim();
            if (rows.put(family, new Row(cells[1].trim(), appears.startsWith("after") || appears.startsWith("with "))) != null) {
                throw new IllegalArgumentException("documented twice: " + family);
            }
        }
        return rows;
    }
}
