package org.courriel.mta.relay;

import java.io.IOException;

/** The remote server broke the protocol (a malformed or unbounded reply): the connection is given up. */
public class SmtpProtocolException extends IOException {

    public SmtpProtocolException(String message) {
        super(message);
    }
}
