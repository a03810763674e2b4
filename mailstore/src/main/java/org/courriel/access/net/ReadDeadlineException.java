package org.courriel.access.net;

import java.net.SocketTimeoutException;

/**
 * A read deadline set with {@link Connection#readDeadline} passed: the client sent too slowly (a command
 * dribbled a byte at a time, content below the minimum rate), however short each pause between bytes was.
 */
public class ReadDeadlineException extends SocketTimeoutException {

    public ReadDeadlineException(String message) {
        super(message);
    }
}
