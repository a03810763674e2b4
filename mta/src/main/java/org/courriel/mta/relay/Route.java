package org.courriel.mta.relay;

import java.util.List;

/** Where the mail of one destination domain goes in this attempt. */
public sealed interface Route {

    /** Servers to try in order until one takes the connection. */
    record Servers(List<RelayTarget> targets) implements Route {
        public Servers {
            targets = List.copyOf(targets);
        }
    }

    /** The domain takes no mail (null MX, no such domain): every recipient fails at once. */
    record Undeliverable(RemoteReply reply) implements Route {
    }

    /** No server can be named now (DNS failure): every recipient is deferred. */
    record Unavailable(RemoteReply reply) implements Route {
    }
}
