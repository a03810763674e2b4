package org.courriel.mta.smtp.session;

/**
 * The three SMTP listeners and what each one allows. The name tags logs and metrics.
 */
public enum ListenerKind {

    /** Port 25: mail for local recipients only, no AUTH (RFC 5321). */
    MX("mx", false, false),
    /** Port 587: STARTTLS, then AUTH before MAIL; authenticated clients may relay (RFC 6409 §4.3). */
    SUBMISSION("submission", true, false),
    /** Port 465: like submission over implicit TLS (RFC 8314 §3.3). */
    SUBMISSIONS("submissions", true, true);

    private final String listenerName;
    private final boolean submission;
    private final boolean implicitTls;

    ListenerKind(String listenerName, boolean submission, boolean implicitTls) {
        this.listenerName = listenerName;
        this.submission = submission;
        this.implicitTls = implicitTls;
    }

    public String listenerName() {
        return listenerName;
    }

    /** Users' clients: AUTH offered and required, relay allowed once authenticated, Message-ID/Date added. */
    public boolean isSubmission() {
        return submission;
    }

    public boolean implicitTls() {
        return implicitTls;
    }
}
