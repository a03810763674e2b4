package org.courriel.store.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, Long> {
    Optional<Account> findByAddress(String address);

    List<Account> findAllByOrderByAddress();

    long countByDomain(Domain domain);
}
