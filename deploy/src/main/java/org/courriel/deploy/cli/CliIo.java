package org.courriel.deploy.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a command writes and reads: the terminal of a command run on its own, or the admin socket's frames
 * when a running server carries it out. With {@code --json}, results are printed as JSON documents.
 *
 * @param out   standard output
 * @param err   standard error
 * @param stdin one line of standard input, or null at its end
 * @param json  print results as JSON
 */
public record CliIo(PrintStream out, PrintStream err, Supplier<String> stdin, boolean json) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Prints a result: {@code value} as JSON with {@code --json}, else {@code text}. */
    public ExitCode result(Object value, String text) {
        out.println(json ? JSON.writeValueAsString(value) : text);
        return ExitCode.OK;
    }

    /** Prints a list: as a JSON array with {@code --json}, else one line per element. */
    public ExitCode list(List<?> values, List<String> lines) {
        if (json) {
            out.println(JSON.writeValueAsString(values));
        } else {
            lines.forEach(out::println);
        }
        return ExitCode.OK;
    }

    /** A short confirmation: {@code {"result": message}} with {@code --json}. */
    public ExitCode done(String message) {
        return result(java.util.Map.of("result", message), message);
    }
}
