package org.courriel.sieve;

import java.util.ArrayList;
import java.util.List;

import org.courriel.sieve.Token.Kind;

/** Builds the command tree of a script from its tokens (RFC 5228 §8.2 grammar). Pure. */
final class Parser {

    /** Deepest nesting of blocks and tests accepted: bounds the recursion on hostile input. */
    static final int MAX_NESTING = 32;

    private final List<Token> tokens;
    private int pos;
    private int depth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static List<Node> parse(String script) throws SieveSyntaxException {
        Parser p = new Parser(Lexer.tokens(script));
        List<Node> commands = p.commands();
        if (!p.peek().is(Kind.END)) {
            throw p.error("unexpected '" + p.peek().text() + "'");
        }
        return commands;
    }

    private List<Node> commands() throws SieveSyntaxException {
        List<Node> out = new ArrayList<>();
        while (peek().is(Kind.IDENTIFIER)) {
            out.add(command());
        }
        return out;
    }

    private Node command() throws SieveSyntaxException {
        Token name = take();
        List<Argument> args = arguments();
        List<Node> tests = new ArrayList<>();
        if (peek().is(Kind.LEFT_PAREN)) {
            tests.addAll(testList());
        } else if (peek().is(Kind.IDENTIFIER)) {
            tests.add(test());
        }
        if (peek().is(Kind.SEMICOLON)) {
            take();
            return new Node(name.text(), args, tests, null, name.line());
        }
        if (peek().is(Kind.LEFT_BRACE)) {
            take();
            enter();
            List<Node> block = commands();
            depth--;
            expect(Kind.RIGHT_BRACE, "'}' closing the block of " + name.text());
            return new Node(name.text(), args, tests, block, name.line());
        }
        throw error("expected ';' or '{' after " + name.text());
    }

    private Node test() throws SieveSyntaxException {
        Token name = expect(Kind.IDENTIFIER, "a test");
        List<Argument> args = arguments();
        List<Node> tests = new ArrayList<>();
        if (peek().is(Kind.LEFT_PAREN)) {
            tests.addAll(testList());
        } else if (peek().is(Kind.IDENTIFIER)) {
            enter();
            tests.add(test());
            depth--;
        }
        return new Node(name.text(), args, tests, null, name.line());
    }

    private List<Node> testList() throws SieveSyntaxException {
        take();
        enter();
        List<Node> out = new ArrayList<>();
        out.add(test());
        while (peek().is(Kind.COMMA)) {
            take();
            out.add(test());
        }
        depth--;
        expect(Kind.RIGHT_PAREN, "')' closing the test list");
        return out;
    }

    private List<Argument> arguments() throws SieveSyntaxException {
        List<Argument> out = new ArrayList<>();
        while (true) {
            Token t = peek();
            switch (t.kind()) {
                case TAG -> { take(); out.add(new Argument.Tag(t.text(), t.line())); }
                case NUMBER -> { take(); out.add(new Argument.Number(t.number(), t.line())); }
                case STRING -> { take(); out.add(new Argument.Strings(List.of(t.text()), true, t.line())); }
                case LEFT_BRACKET -> out.add(stringList());
                default -> { return out; }
            }
        }
    }

    private Argument stringList() throws SieveSyntaxException {
        Token open = take();
        List<String> values = new ArrayList<>();
        values.add(expect(Kind.STRING, "a string in the list").text());
        while (peek().is(Kind.COMMA)) {
            take();
            values.add(expect(Kind.STRING, "a string in the list").text());
        }
        expect(Kind.RIGHT_BRACKET, "']' closing the string list");
        return new Argument.Strings(List.copyOf(values), false, open.line());
    }

    private void enter() throws SieveSyntaxException {
        if (++depth > MAX_NESTING) {
            throw error("nested deeper than " + MAX_NESTING + " levels");
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token take() {
        return tokens.get(pos++);
    }

    private Token expect(Kind kind, String what) throws SieveSyntaxException {
        if (!peek().is(kind)) {
            throw error("expected " + what);
        }
        return take();
    }

    private SieveSyntaxException error(String message) {
        return new SieveSyntaxException(peek().line(), message);
    }
}
