package org.courriel.store.transfer;

/** Export and import on the embedded default, H2. */
class H2MailTransferTest extends MailTransferContract {
}
