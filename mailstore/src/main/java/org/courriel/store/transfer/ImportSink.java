package org.courriel.store.transfer;

/** Where the readers of export files hand what they find: each folder (even an empty one), then its messages. */
interface ImportSink {

    void folder(String mailbox);

    void message(Incoming message);
}
