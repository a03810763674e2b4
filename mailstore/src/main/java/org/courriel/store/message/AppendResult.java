package org.courriel.store.message;

/** Where an appended message landed: what APPENDUID (RFC 4315 §3) reports. */
public record AppendResult(long mailboxId, long uidValidity, long uid, long modseq) {
}
