package org.courriel.api.message;

import java.util.ArrayList;
import java.util.List;

import org.courriel.store.mime.EnvelopeAddress;
import org.courriel.store.mime.MessageParser;

import io.swagger.v3.oas.annotations.media.Schema;

/** One address of a header: display name (decoded) and address. */
@Schema(description = "An address with its display name")
public record AddressView(
        @Schema(description = "Display name, decoded; null when absent", example = "Alice Martin", nullable = true)
        String name,
        @Schema(description = "The address", example = "alice@example.org") String address) {

    /** The plain addresses of an envelope list (group markers dropped, members kept). */
    static List<AddressView> of(List<EnvelopeAddress> list) {
        List<AddressView> out = new ArrayList<>(list.size());
        for (EnvelopeAddress a : list) {
            if (a.address() != null) {
                out.add(new AddressView(MessageParser.decode(a.name()), a.address()));
            }
        }
        return out;
    }
}
