package org.courriel.store.transfer;

import java.time.Instant;

import org.courriel.store.message.Flags;

/**
 * One message read from export files, for its folder.
 *
 * @param folder       the mailbox name it goes to
 * @param bytes        its exact bytes, or null when it is past {@code courriel.transfer.max-message-size}
 * @param flags        its flags and keywords
 * @param internalDate its internal date
 * @param origin       where it was read, for warnings
 */
record Incoming(String folder, byte[] bytes, Flags flags, Instant internalDate, String origin) {
}
