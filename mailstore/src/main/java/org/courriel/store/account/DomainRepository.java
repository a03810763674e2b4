package org.courriel.store.account;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface DomainRepository extends JpaRepository<Domain, Long> {
    Optional<Domain> findByName(String name);
}
