package org.courriel.managesieve.protocol;

/** RFC 5804 §1.3 response codes, as they are written between parentheses. */
public enum ResponseCode {
    AUTH_TOO_WEAK("AUTH-TOO-WEAK"),
    ENCRYPT_NEEDED("ENCRYPT-NEEDED"),
    QUOTA_MAXSCRIPTS("QUOTA/MAXSCRIPTS"),
    QUOTA_MAXSIZE("QUOTA/MAXSIZE"),
    TRYLATER("TRYLATER"),
    ACTIVE("ACTIVE"),
    NONEXISTENT("NONEXISTENT"),
    ALREADYEXISTS("ALREADYEXISTS"),
    WARNINGS("WARNINGS");

    private final String text;

    ResponseCode(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
