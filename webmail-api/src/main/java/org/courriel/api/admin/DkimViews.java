package org.courriel.api.admin;

import java.time.Instant;
import java.util.List;

import org.courriel.mta.auth.records.DnsRecord;
import org.courriel.store.dkim.DkimKey;

import io.swagger.v3.oas.annotations.media.Schema;

/** The bodies of the DKIM and DNS-records admin endpoints. */
final class DkimViews {

    private DkimViews() {
    }

    @Schema(description = "A key to make; both fields may be absent")
    record NewKey(
            @Schema(description = "The s= name; default: c<date>r or c<date>e", example = "c20261202r", nullable = true)
            String selector,
            @Schema(description = "rsa (2048-bit rsa-sha256, the default) or ed25519 (RFC 8463)", example = "rsa",
                    nullable = true) String algorithm) {
    }

    @Schema(description = "A DKIM key and the TXT record that publishes it; the private key is never shown")
    record KeyView(
            @Schema(example = "example.org") String domain,
            @Schema(example = "c20261202r") String selector,
            @Schema(example = "rsa-sha256") String algorithm,
            @Schema(description = "pending (does not sign yet), active (signs) or retired", example = "pending")
            String state,
            Instant createdAt,
            @Schema(nullable = true) Instant activatedAt,
            @Schema(nullable = true) Instant retiredAt,
            @Schema(example = "c20261202r._domainkey.example.org") String recordName,
            @Schema(example = "v=DKIM1; k=rsa; p=MIIBIjANBg...") String recordText) {

        static KeyView of(DkimKey k) {
            return new KeyView(k.domain(), k.selector(), k.algorithm().tag(),
                    k.state().name().toLowerCase(java.util.Locale.ROOT), k.createdAt(), k.activatedAt(), k.retiredAt(),
                    k.recordName(), k.recordText());
        }
    }

    @Schema(description = "Every record a domain should publish, and the MTA-STS policy file it points to")
    record DomainRecordsView(List<DnsRecord> records,
            @Schema(description = "Zone-file lines, ready to paste") List<String> zone,
            @Schema(description = "The text served at https://mta-sts.<domain>/.well-known/mta-sts.txt",
                    nullable = true) String mtaStsPolicy) {
    }
}
