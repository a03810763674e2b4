package org.courriel.mta.auth.arc;

import java.util.List;

import org.courriel.mta.auth.message.InboundMessage.Field;

/**
 * One ARC set (RFC 8617 §4.1): the three fields of one instance, as received.
 *
 * @param seal the ARC-Seal's tags, parsed
 */
public record ArcSet(int instance, Field authenticationResults, Field messageSignature, Field sealField,
        ArcSeal seal) {

    /** RFC 8617 §5.1.1: the order in which a seal covers a set. */
    List<Field> inSealOrder() {
        return List.of(authenticationResults, messageSignature, sealField);
    }
}
