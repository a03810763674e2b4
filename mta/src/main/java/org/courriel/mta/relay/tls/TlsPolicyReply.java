package org.courriel.mta.relay.tls;

import org.courriel.mta.relay.RelayTarget;
import org.courriel.mta.relay.RemoteReply;

/** The replies the destination policies make up when they rule out every MX host: temporary (RFC 3463 X.7). */
final class TlsPolicyReply {

    private TlsPolicyReply() {
    }

    /** RFC 3463 X.7.5 cryptographic failure: the TLSA records could not be had with DNSSEC. */
    static RemoteReply daneLookupFailed(RelayTarget target, String error) {
        return RemoteReply.local(451, "4.7.5", "DANE: TLSA lookup for " + target.host() + " failed: " + error);
    }

    /** RFC 8461 §4.1: the MTA-STS policy in enforce mode lists no pattern matching this MX host. */
    static RemoteReply mxNotInPolicy(String domain, RelayTarget target) {
        return RemoteReply.local(451, "4.7.0", "MTA-STS: the policy of " + domain + " does not list MX "
                + target.host());
    }
}
