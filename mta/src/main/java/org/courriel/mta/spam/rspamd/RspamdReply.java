package org.courriel.mta.spam.rspamd;

import java.util.ArrayList;
import java.util.List;

import org.courriel.mta.spam.SpamAction;
import org.courriel.mta.spam.SpamVerdict;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads rspamd's {@code /checkv2} reply (rspamd's protocol documentation, "Rspamd HTTP reply"): a JSON object
 * with {@code action}, {@code score}, {@code required_score}, {@code symbols} (an object keyed by symbol name)
 * and {@code messages.smtp_message}, the text rspamd wants the sender to see. Pure: bytes in, verdict out.
 */
final class RspamdReply {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Symbols kept for the header and the log; a reply may name hundreds. */
    static final int MAX_SYMBOLS = 50;

    private RspamdReply() {
    }

    /** @throws IllegalArgumentException when the reply is not rspamd's JSON (a wrong URL, a proxy's error page) */
    static SpamVerdict parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a JSON reply");
        }
        if (root == null || !root.isObject() || !root.has("action") || !root.path("score").isNumber()) {
            throw new IllegalArgumentException("no action and score in the reply");
        }
        List<String> symbols = new ArrayList<>();
        JsonNode symbolNode = root.path("symbols");
        for (String name : symbolNode.propertyNames()) {
            if (symbols.size() == MAX_SYMBOLS) {
                break;
            }
            symbols.add(name);
        }
        symbols.sort(null);
        return new SpamVerdict(SpamAction.of(root.path("action").asString("")), root.path("score").asDouble(),
                root.path("required_score").asDouble(), symbols,
                root.path("messages").path("smtp_message").asString(""), true);
    }
}
