package org.courriel.store.sieve;

import java.util.Optional;

import org.courriel.store.StoreException;
import org.courriel.store.account.Addresses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps an account's {@link SimpleRules} and writes them as its active script ({@value SimpleRules#SCRIPT}).
 * Setting a rule activates that script, so it replaces a script uploaded over ManageSieve as the active
 * one (the uploaded one is kept); clearing both rules deactivates it.
 */
@Service
@Transactional
public class SimpleRulesService {

    /** Longest out-of-office text accepted (the column's size). */
    public static final int MAX_TEXT = 10_000;

    private final JdbcClient jdbc;
    private final SieveScriptService scripts;

    SimpleRulesService(JdbcClient jdbc, SieveScriptService scripts) {
        this.jdbc = jdbc;
        this.scripts = scripts;
    }

    @Transactional(readOnly = true)
    public SimpleRules get(long accountId) {
        return jdbc.sql("SELECT vacation_subject, vacation_text, vacation_days, forward_to, forward_keep"
                        + " FROM sieve_simple_rules WHERE account_id = ?")
                .param(accountId)
                .query((rs, n) -> new SimpleRules(
                        rs.getString(2) == null ? null
                                : new SimpleRules.Vacation(rs.getString(1), rs.getString(2), rs.getInt(3)),
                        rs.getString(4) == null ? null : new SimpleRules.Forward(rs.getString(4), rs.getBoolean(5))))
                .optional().orElse(new SimpleRules(null, null));
    }

    /** Sets (or with null clears) the out-of-office reply. */
    public SimpleRules setVacation(long accountId, SimpleRules.Vacation vacation) {
        if (vacation != null) {
            if (vacation.text() == null || vacation.text().isBlank() || vacation.text().length() > MAX_TEXT) {
                throw StoreException.invalid("the out-of-office text has 1 to " + MAX_TEXT + " characters");
            }
            if (vacation.subject() != null && (vacation.subject().length() > 255 || vacation.subject().contains("\n"))) {
                throw StoreException.invalid("the subject is one line of at most 255 characters");
            }
            if (vacation.days() < 1 || vacation.days() > 90) {
                throw StoreException.invalid("days must be between 1 and 90");
            }
        }
        return save(accountId, new SimpleRules(vacation, get(accountId).forward()));
    }

    /** Sets (or with null clears) the forward. */
    public SimpleRules setForward(long accountId, SimpleRules.Forward forward) {
        SimpleRules.Forward normal = forward == null ? null
                : new SimpleRules.Forward(Addresses.address(forward.address()), forward.keepCopy());
        return save(accountId, new SimpleRules(get(accountId).vacation(), normal));
    }

    private SimpleRules save(long accountId, SimpleRules rules) {
        SimpleRules.Vacation v = rules.vacation();
        SimpleRules.Forward f = rules.forward();
        jdbc.sql("DELETE FROM sieve_simple_rules WHERE account_id = ?").param(accountId).update();
        jdbc.sql("INSERT INTO sieve_simple_rules (account_id, vacation_subject, vacation_text, vacation_days,"
                        + " forward_to, forward_keep) VALUES (?, ?, ?, ?, ?, ?)")
                .param(accountId).param(v == null ? null : v.subject()).param(v == null ? null : v.text())
                .param(v == null ? null : v.days()).param(f == null ? null : f.address())
                .param(f != null && f.keepCopy()).update();
        if (v == null && f == null) {
            Optional<ActiveScript> active = scripts.active(accountId);
            if (active.isPresent() && active.get().name().equals(SimpleRules.SCRIPT)) {
                scripts.setActive(accountId, "");
            }
            if (scripts.get(accountId, SimpleRules.SCRIPT).isPresent()) {
                scripts.delete(accountId, SimpleRules.SCRIPT);
            }
        } else {
            scripts.put(accountId, SimpleRules.SCRIPT, rules.script());
            scripts.setActive(accountId, SimpleRules.SCRIPT);
        }
        return rules;
    }
}
