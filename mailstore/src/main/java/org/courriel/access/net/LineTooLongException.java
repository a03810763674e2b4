package org.courriel.access.net;

import java.io.IOException;

/** A line passed its limit; the rest of it, up to the line end, has been read and dropped. */
public class LineTooLongException extends IOException {

    public LineTooLongException(int limit) {
        super("line longer than " + limit + " bytes");
    }
}
