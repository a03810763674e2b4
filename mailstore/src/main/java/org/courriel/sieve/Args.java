package org.courriel.sieve;

import java.util.List;

/** Reads the arguments of one command or test in order, with errors that name the line. */
final class Args {

    private final Node node;
    private int pos;

    Args(Node node) {
        this.node = node;
    }

    boolean hasTag() {
        return pos < node.arguments().size() && node.arguments().get(pos) instanceof Argument.Tag;
    }

    Argument.Tag tag() {
        return (Argument.Tag) node.arguments().get(pos++);
    }

    String string(String what) throws SieveSyntaxException {
        Argument.Strings s = strings0(what);
        if (!s.single()) {
            throw error(what + " must be a single string, not a list");
        }
        return s.values().getFirst();
    }

    List<String> strings(String what) throws SieveSyntaxException {
        return strings0(what).values();
    }

    long number(String what) throws SieveSyntaxException {
        if (pos < node.arguments().size() && node.arguments().get(pos) instanceof Argument.Number n) {
            pos++;
            return n.value();
        }
        throw error(node.name() + " expects a number: " + what);
    }

    private Argument.Strings strings0(String what) throws SieveSyntaxException {
        if (pos < node.arguments().size() && node.arguments().get(pos) instanceof Argument.Strings s) {
            pos++;
            return s;
        }
        throw error(node.name() + " expects " + what);
    }

    void end() throws SieveSyntaxException {
        if (pos < node.arguments().size()) {
            Argument extra = node.arguments().get(pos);
            throw new SieveSyntaxException(extra.line(), node.name() + ": unexpected "
                    + (extra instanceof Argument.Tag t ? "tag :" + t.name() : "argument"));
        }
    }

    SieveSyntaxException error(String message) {
        int line = pos < node.arguments().size() ? node.arguments().get(pos).line() : node.line();
        return new SieveSyntaxException(line, message);
    }

    SieveSyntaxException unknownTag(Argument.Tag t) {
        return new SieveSyntaxException(t.line(), node.name() + ": unknown tag :" + t.name());
    }
}
