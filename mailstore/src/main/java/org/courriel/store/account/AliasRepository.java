package org.courriel.store.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AliasRepository extends JpaRepository<Alias, Long> {
    Optional<Alias> findByAddress(String address);

    List<Alias> findAllByOrderByAddress();

    long countByDomain(Domain domain);
}
