package io.crmrecon.statement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A statement's frozen content as stored ({@code statement.snapshot}): JSON with amounts as exact decimals and
 * dates as ISO text, read back to the same {@link StatementSnapshot}. Its own mapper, so the application's JSON
 * settings never change what was stored.
 */
final class SnapshotJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SnapshotJson() {
    }

    static String write(StatementSnapshot snapshot) {
        try {
            return JSON.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a statement snapshot could not be written", e);
        }
    }

    static StatementSnapshot read(String json) {
        try {
            return JSON.readValue(json, StatementSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored statement snapshot could not be read", e);
        }
    }
}
