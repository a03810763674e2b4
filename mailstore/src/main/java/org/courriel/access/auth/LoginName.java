package org.courriel.access.auth;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

import org.courriel.store.StoreException;
import org.courriel.store.account.Addresses;

/**
 * The one normal form of a user name as typed at a login, shared by every protocol (through
 * {@link LoginService}), so that the failure counter of an account cannot be dodged by another spelling of
 * its address: {@code " Carol@Example.Test."}, {@code "carol@ｅxample.test"} and {@code "carol@example。test"}
 * all name the account {@code carol@example.test}.
 * <p>
 * A name that is an address takes the store's normal form ({@link Addresses#address}: the very function the
 * password check looks the account up with), so exactly the spellings that reach one account share one key.
 * Any other name cannot reach an account, but is still counted under a folded key (NFKC, trimmed, lower case,
 * no trailing dots), so that guesses at it cannot multiply the counters either.
 *
 * @param key     what failures are counted under
 * @param address the store's address when the name is one; empty when no account can have this name
 */
public record LoginName(String key, Optional<String> address) {

    public static LoginName of(String typed) {
        try {
            String address = Addresses.address(typed);
            return new LoginName(address, Optional.of(address));
        } catch (StoreException e) {
            return new LoginName(fold(typed), Optional.empty());
        }
    }

    /** NFKC maps fullwidth letters and the ideographic full stops (U+3002, U+FF0E, U+FF61) to ASCII. */
    private static String fold(String typed) {
        String s = Normalizer.normalize(typed == null ? "" : typed, Normalizer.Form.NFKC)
                .replace('\u3002', '.').strip().toLowerCase(Locale.ROOT);
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}
