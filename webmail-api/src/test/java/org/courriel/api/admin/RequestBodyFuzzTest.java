package org.courriel.api.admin;

import java.util.List;

import org.courriel.api.mailbox.MailboxRequest;
import org.courriel.api.message.FlagsRequest;
import org.courriel.api.message.MailboxTarget;
import org.courriel.api.send.SendRequest;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every JSON request body of the API, read by the application's own mapper (Spring Boot's Jackson
 * auto-configuration, as the MVC converters get it): a request record or a {@link JacksonException}, which
 * the problem handler turns into a 400 problem naming the field. Any other exception would be a 500.
 * The last byte of the input picks the body type.
 */
class RequestBodyFuzzTest {

    private static final List<Class<?>> BODIES = List.of(SendRequest.class, FlagsRequest.class, MailboxRequest.class,
            MailboxTarget.class, AdminViews.DomainRequest.class, AdminViews.NewAccount.class,
            AdminViews.AccountChange.class, AdminViews.AliasView.class);

    private static final JsonMapper JSON;

    static {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(
                JacksonAutoConfiguration.class)) {
            JSON = context.getBean(JsonMapper.class);
        }
    }

    @FuzzTest
    @DictionaryFile(resourcePath = "json.dict")
    void requestBodiesReadToARecordOrAJsonError(FuzzedDataProvider data) {
        Class<?> type = data.pickValue(BODIES);
        byte[] body = data.consumeRemainingAsBytes();
        try {
            JSON.readValue(body, type);
        } catch (JacksonException expected) {
            // 400 problem+json: the handler reads the message and the path
            expected.getOriginalMessage();
            expected.getPath().forEach(JacksonException.Reference::getPropertyName);
        }
    }
}
