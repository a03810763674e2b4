package org.courriel.mta.spam.training;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.courriel.store.training.TrainingVerdict;

/**
 * Teaches rspamd's controller worker one message (rspamd's protocol documentation, "Controller HTTP endpoints":
 * {@code POST /learnspam} and {@code /learnham} with the message as the body; {@code Password} when the controller
 * wants one, {@code Deliver-To} naming the user whose statistics learn, when they are per user). Every failure is
 * an outcome, never an exception, and no exchange outlasts {@code courriel.spam.rspamd.learn.timeout}.
 */
final class RspamdLearner implements AutoCloseable {

    /** Enough of an error reply for the log; rspamd's are one line of JSON. */
    static final int MAX_REPLY = 1000;

    private final TrainingProperties settings;
    private final URI spam;
    private final URI ham;
    private final HttpClient http;

    RspamdLearner(TrainingProperties settings) {
        this.settings = settings;
        String base = settings.controllerUrl().endsWith("/")
                ? settings.controllerUrl().substring(0, settings.controllerUrl().length() - 1) : settings.controllerUrl();
        this.spam = URI.create(base + "/learnspam");
        this.ham = URI.create(base + "/learnham");
        if (!"http".equals(spam.getScheme()) && !"https".equals(spam.getScheme())) {
            throw new IllegalArgumentException("courriel.spam.rspamd.learn.controller-url must be http:// or https://, not "
                    + settings.controllerUrl());
        }
        // HTTP/1.1: rspamd's parser takes the JDK's h2c upgrade offer for a broken request.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    LearnOutcome learn(TrainingVerdict verdict, byte[] message, String account) {
        HttpRequest.Builder request = HttpRequest.newBuilder(verdict == TrainingVerdict.SPAM ? spam : ham)
                .timeout(settings.timeout()).POST(HttpRequest.BodyPublishers.ofByteArray(message));
        if (!settings.password().isEmpty()) {
            request.header("Password", settings.password());
        }
        if (settings.perUser() && account != null && account.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            request.header("Deliver-To", account);
        }
        CompletableFuture<HttpResponse<InputStream>> exchange = http.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try {
            HttpResponse<InputStream> response = exchange.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            try (InputStream body = response.body()) {
                return LearnOutcome.of(response.statusCode(),
                        new String(body.readNBytes(MAX_REPLY), StandardCharsets.UTF_8).strip());
            }
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return LearnOutcome.failed("rspamd's controller did not answer within " + settings.timeout());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                return LearnOutcome.failed("rspamd's controller did not answer within " + settings.timeout());
            }
            return LearnOutcome.failed("rspamd's controller not reachable at " + settings.controllerUrl() + ": "
                    + (e.getCause() == null ? "unknown error" : e.getCause().toString()));
        } catch (IOException e) {
            return LearnOutcome.failed("rspamd's reply could not be read: " + e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return LearnOutcome.failed("interrupted");
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
