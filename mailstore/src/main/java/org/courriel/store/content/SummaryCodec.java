package org.courriel.store.content;

import org.courriel.store.mime.MessageSummary;

import tools.jackson.databind.json.JsonMapper;

/** The JSON form of a {@link MessageSummary} kept in the content table. */
public final class SummaryCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SummaryCodec() {
    }

    public static String encode(MessageSummary summary) {
        return JSON.writeValueAsString(summary);
    }

    public static MessageSummary decode(String json) {
        return JSON.readValue(json, MessageSummary.class);
    }
}
