package org.courriel.mta.spam.rspamd;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpResponse.BodySubscribers;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.courriel.mta.spam.SpamFilter;
import org.courriel.mta.spam.SpamProperties;
import org.courriel.mta.spam.SpamRequest;
import org.courriel.mta.spam.SpamVerdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Scores messages with rspamd's normal worker: {@code POST /checkv2} with the message as the body and the
 * envelope as request headers (rspamd's protocol documentation, "Rspamd HTTP request": IP, Helo, Hostname,
 * From, Rcpt once per recipient, User, Queue-Id). Every failure (refused connection, timeout, a 5xx, a reply
 * that is not rspamd's) is an unavailable verdict, logged at WARN and counted, never an exception: the SMTP
 * session goes on within {@code courriel.spam.rspamd.timeout}.
 */
public final class RspamdFilter implements SpamFilter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RspamdFilter.class);

    private final SpamProperties.Rspamd settings;
    private final URI checkUri;
    private final HttpClient http;
    private final RspamdMetrics metrics;

    public RspamdFilter(SpamProperties.Rspamd settings, MeterRegistry meters) {
        this.settings = settings;
        this.checkUri = endpoint(settings.url(), "/checkv2");
        // HTTP/1.1: the JDK client would otherwise offer an h2c upgrade, which rspamd's parser takes for a broken request.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.metrics = new RspamdMetrics(meters);
    }

    static URI endpoint(String base, String path) {
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        URI uri = URI.create(trimmed + path);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("courriel.spam.rspamd URLs must be http:// or https://, not " + base);
        }
        return uri;
    }

    @Override
    public SpamVerdict score(SpamRequest request, byte[] message) {
        // An authenticated sender's message is outbound (OutboundScoring); the MX's never names a user.
        String direction = request.user().isEmpty() ? "inbound" : "outbound";
        if (message.length > settings.maxMessageSize().toBytes()) {
            metrics.skipped(direction);
            return SpamVerdict.UNSCORED;
        }
        Timer.Sample sample = Timer.start();
        SpamVerdict verdict = ask(request, message);
        metrics.scored(sample, verdict, direction);
        return verdict;
    }

    private SpamVerdict ask(SpamRequest request, byte[] message) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(checkUri).timeout(settings.timeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(message));
        header(builder, "IP", request.clientAddress());
        header(builder, "Helo", request.helo());
        header(builder, "Hostname", request.hostname());
        header(builder, "From", request.mailFrom());
        request.recipients().forEach(rcpt -> header(builder, "Rcpt", rcpt));
        header(builder, "User", request.user());
        header(builder, "Queue-Id", request.queueId());
        CompletableFuture<HttpResponse<Optional<byte[]>>> exchange = http
                .sendAsync(builder.build(), info -> BodySubscribers.mapping(BodySubscribers.ofByteArray(),
                        bytes -> bytes.length > settings.maxReplySize().toBytes() ? Optional.<byte[]>empty()
                                : Optional.of(bytes)));
        try {
            // The request timeout covers the wait for the reply's head; the bound on the whole exchange is here.
            HttpResponse<Optional<byte[]>> response = exchange.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                return unavailable(request, "rspamd answered HTTP " + response.statusCode());
            }
            return response.body().map(RspamdReply::parse)
                    .orElseGet(() -> unavailable(request, "rspamd's reply is larger than " + settings.maxReplySize()));
        } catch (TimeoutException e) {
            exchange.cancel(true); // a reply still trickling in holds no connection after this
            return unavailable(request, "rspamd did not answer within " + settings.timeout());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                return unavailable(request, "rspamd did not answer within " + settings.timeout());
            }
            return unavailable(request, "rspamd not reachable at " + checkUri + ": " + describe(e.getCause()));
        } catch (IllegalArgumentException e) {
            return unavailable(request, "rspamd's reply cannot be read: " + e.getMessage());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return unavailable(request, "interrupted");
        }
    }

    /**
     * Header values come from the SMTP dialogue, already free of CR and LF. An empty one is left out, and so is one
     * that is not printable ASCII (an SMTPUTF8 address, RFC 6531): HTTP header values cannot carry it, and rspamd
     * reads the message's own fields instead.
     */
    static void header(HttpRequest.Builder builder, String name, String value) {
        if (value != null && !value.isEmpty() && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            builder.header(name, value);
        }
    }

    private static SpamVerdict unavailable(SpamRequest request, String why) {
        log.warn("Spam check of {} skipped: {}", request.queueId().isEmpty() ? "a message" : request.queueId(), why);
        return SpamVerdict.unavailable(why);
    }

    private static String describe(Throwable cause) {
        return cause == null ? "unknown error"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
    }

    @Override
    public void close() {
        http.close();
    }
}
