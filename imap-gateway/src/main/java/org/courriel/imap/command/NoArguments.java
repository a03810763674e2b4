package org.courriel.imap.command;

import org.courriel.imap.protocol.CommandParser;

/** The request of commands that take no arguments. */
public record NoArguments() {

    static final NoArguments INSTANCE = new NoArguments();

    static NoArguments parse(CommandParser args) {
        args.end();
        return INSTANCE;
    }
}
