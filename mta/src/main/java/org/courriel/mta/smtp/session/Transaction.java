package org.courriel.mta.smtp.session;

import java.util.ArrayList;
import java.util.List;

import org.courriel.access.net.MemoryBudget;
import org.courriel.mta.auth.SenderChecks;
import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.mta.smtp.body.ChunkReader;
import org.courriel.mta.spam.dnsbl.DnsblResult;

/** One mail transaction (RFC 5321 §3.3), from MAIL to the end of the content or RSET. */
public final class Transaction {

    private final String reversePath;
    private final long declaredSize;
    private final MailEnvelope.Ret ret;
    private final String envId;
    private final boolean smtpUtf8;
    private final boolean eightBit;
    private final boolean requireTls;
    private final List<EnvelopeRecipient> recipients = new ArrayList<>();
    private boolean leavesServer;
    private ChunkReader chunks;
    private MemoryBudget.Lease content;
    private SenderChecks senderChecks;
    /** The blocklist naming the client, found at MAIL; null when none does. */
    private DnsblResult.Listed blocklisted;

    public Transaction(String reversePath, long declaredSize, MailEnvelope.Ret ret, String envId, boolean smtpUtf8,
            boolean eightBit) {
        this(reversePath, declaredSize, ret, envId, smtpUtf8, eightBit, false);
    }

    /** @param requireTls MAIL had REQUIRETLS (RFC 8689 §4.1) */
    public Transaction(String reversePath, long declaredSize, MailEnvelope.Ret ret, String envId, boolean smtpUtf8,
            boolean eightBit, boolean requireTls) {
        this.requireTls = requireTls;
        this.reversePath = reversePath;
        this.declaredSize = declaredSize;
        this.ret = ret;
        this.envId = envId;
        this.smtpUtf8 = smtpUtf8;
        this.eightBit = eightBit;
    }

    public String reversePath() {
        return reversePath;
    }

    /** SIZE= of MAIL (RFC 1870), 0 when not given. */
    public long declaredSize() {
        return declaredSize;
    }

    public boolean smtpUtf8() {
        return smtpUtf8;
    }

    public List<EnvelopeRecipient> recipients() {
        return recipients;
    }

    public void addRecipient(EnvelopeRecipient recipient, boolean leaves) {
        recipients.add(recipient);
        leavesServer |= leaves;
    }

    /** Some copy goes to another server, so this is not a final delivery for all (RFC 5321 §4.4 Return-Path). */
    public boolean leavesServer() {
        return leavesServer;
    }

    /** The BDAT chunks so far (RFC 3030), null before the first BDAT. */
    public ChunkReader chunks() {
        return chunks;
    }

    public ChunkReader startChunks(long limit, MemoryBudget budget) {
        chunks = new ChunkReader(limit, contentLease(budget));
        return chunks;
    }

    /** The share of the node's content budget this transaction's content holds, taken on first use. */
    public MemoryBudget.Lease contentLease(MemoryBudget budget) {
        if (content == null) {
            content = budget.lease();
        }
        return content;
    }

    /** Gives the content budget back: the transaction is over, its content stored, refused or dropped. */
    void releaseContent() {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    /** What MAIL time learnt about the sender (SPF, FCrDNS); null when not checked (submission, checks off). */
    public DnsblResult.Listed blocklisted() {
        return blocklisted;
    }

    public void blocklisted(DnsblResult.Listed listed) {
        blocklisted = listed;
    }

    public SenderChecks senderChecks() {
        return senderChecks;
    }

    public void senderChecks(SenderChecks checks) {
        senderChecks = checks;
    }

    public MailEnvelope envelope() {
        return new MailEnvelope(reversePath, List.copyOf(recipients), ret, envId, smtpUtf8, eightBit, requireTls);
    }
}
