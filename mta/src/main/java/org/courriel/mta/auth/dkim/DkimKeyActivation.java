package org.courriel.mta.auth.dkim;

import org.courriel.mta.dns.DnsResolver;
import org.courriel.store.StoreException;
import org.courriel.store.dkim.DkimKey;
import org.courriel.store.dkim.DkimKeyService;
import org.springframework.stereotype.Service;

/** Activates a selector once its record is found in DNS, or at once when the admin forces it. */
@Service
public class DkimKeyActivation {

    private final DkimKeyService keys;
    private final DnsResolver dns;

    public DkimKeyActivation(DkimKeyService keys, DnsResolver dns) {
        this.keys = keys;
        this.dns = dns;
    }

    /**
     * @throws StoreException NOT_ALLOWED when the record is not published (or DNS failed), saying what was found
     */
    public DkimKey activate(String domain, String selector, boolean force) {
        DkimKey key = keys.get(domain, selector);
        if (!force) {
            PublishedKeyCheck.Result result = PublishedKeyCheck.check(key, dns);
            if (result.outcome() != PublishedKeyCheck.Outcome.PUBLISHED) {
                throw new StoreException(StoreException.Reason.NOT_ALLOWED, result.detail()
                        + "; publish " + key.recordName() + " TXT \"" + key.recordText()
                        + "\" and try again (or force it)");
            }
        }
        return keys.activate(domain, selector);
    }
}
