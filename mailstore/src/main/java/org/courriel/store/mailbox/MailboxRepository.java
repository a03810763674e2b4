package org.courriel.store.mailbox;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface MailboxRepository extends JpaRepository<Mailbox, Long> {

    Optional<Mailbox> findByAccountIdAndName(long accountId, String name);

    List<Mailbox> findByAccountIdOrderByName(long accountId);
}
