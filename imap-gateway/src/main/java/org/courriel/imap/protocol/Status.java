package org.courriel.imap.protocol;

/** Status responses (RFC 9051 §7.1). */
public enum Status {
    OK, NO, BAD, PREAUTH, BYE
}
