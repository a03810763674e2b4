/**
 * The Sieve language (RFC 5228 and the extensions listed in {@link org.courriel.sieve.SieveScript#EXTENSIONS}):
 * lexer, parser, checker and interpreter. Pure: no I/O, no Spring, no store (only its one Mime4j
 * configuration, {@link org.courriel.store.mime.MimeParsing}, so that {@code body} splits a message as IMAP
 * does); the MTA carries out the actions and the ManageSieve server uses the checker. Every input is bounded: nesting depth, glob matching without
 * backtracking, a run deadline and an action count.
 */
package org.courriel.sieve;
