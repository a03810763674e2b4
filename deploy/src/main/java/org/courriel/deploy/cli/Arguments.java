package org.courriel.deploy.cli;

import java.util.Locale;

import org.springframework.util.unit.DataSize;

/** The argument checks commands share; each failure is a {@link UsageException}. */
public final class Arguments {

    private Arguments() {
    }

    /** The single argument of a command that takes one. */
    public static String one(AdminCommandLine c) {
        return arg(c, 0, 1);
    }

    /** Argument {@code index} of a command that takes exactly {@code count}. */
    public static String arg(AdminCommandLine c, int index, int count) {
        if (c.arguments().size() != count) {
            throw new UsageException(c.noun() + " " + c.verb() + " takes " + count + " argument" + (count > 1 ? "s" : ""));
        }
        return c.arguments().get(index);
    }

    /** A size such as {@code 2GB}; null is 0 (no quota). */
    public static long size(String size) {
        if (size == null) {
            return 0;
        }
        try {
            return DataSize.parse(size.toUpperCase(Locale.ROOT)).toBytes();
        } catch (IllegalArgumentException e) {
            throw new UsageException("not a size: " + size);
        }
    }

    /** A size in the largest unit that divides it: 10MB, 1536KB, 17B. */
    public static String size(long bytes) {
        String[] units = {"GB", "MB", "KB"};
        long[] factors = {1L << 30, 1L << 20, 1L << 10};
        for (int i = 0; i < units.length; i++) {
            if (bytes >= factors[i] && bytes % factors[i] == 0) {
                return bytes / factors[i] + units[i];
            }
        }
        return bytes + "B";
    }

    /** The {@code --password} option, else one line of standard input. */
    public static String password(AdminCommandLine c, CliIo io) {
        String given = c.option("password");
        if (given != null) {
            return given;
        }
        String line = io.stdin().get();
        if (line == null || line.isEmpty()) {
            throw new UsageException("no password given (use --password or one line on standard input)");
        }
        return line;
    }

    /** The command's verb, required. */
    public static String verb(AdminCommandLine c) {
        if (c.verb() == null) {
            throw new UsageException(c.noun() + " needs a verb");
        }
        return c.verb();
    }
}
