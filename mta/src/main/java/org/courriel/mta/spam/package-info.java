/**
 * Spam scoring: what a filter thinks of a message and what Courriel does with that opinion.
 * <p>
 * {@link org.courriel.mta.spam.SpamFilter} is the one question the SMTP intake asks at the end of DATA/BDAT,
 * before its reply; {@link org.courriel.mta.spam.rspamd.RspamdFilter} answers it over rspamd's HTTP protocol,
 * {@link org.courriel.mta.spam.SpamFilter#NONE} when no filter is configured. The filter's action becomes a
 * {@link org.courriel.mta.spam.SpamDecision} in one place, {@link org.courriel.mta.spam.SpamVerdict#decision()}:
 * refuse (550 5.7.1), try later (451 4.7.1), deliver to Junk, or deliver. A filter that cannot be reached
 * never holds a session longer than its timeout, and decides nothing by itself: the configured
 * {@link org.courriel.mta.spam.SpamProperties.Unavailable} policy does.
 */
package org.courriel.mta.spam;
