package org.courriel.mta.relay.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLContext;

/**
 * Fetches {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} (RFC 8461 §3.3) with the JDK's HTTP client:
 * the certificate validated for the host name by the given context, no redirects, a connect and a total
 * timeout, and at most {@code maxSize} bytes read. The host name is resolved by the JVM's resolver (as
 * {@code java.net.http} does), not by {@code courriel.dns.servers}.
 */
public class MtaStsFetcher {

    private final HttpClient http;
    private final Duration timeout;
    private final int maxSize;
    private final int port;

    /**
     * @param trust   validates the policy host's certificate (the JDK's trust store in production)
     * @param port    443; tests serve the policy on an ephemeral port
     * @param maxSize the longest policy read, in bytes (64 KiB)
     */
    public MtaStsFetcher(SSLContext trust, Duration timeout, int maxSize, int port) {
        this.http = HttpClient.newBuilder().sslContext(trust).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER) // §3.3: redirects MUST NOT be followed
                .version(HttpClient.Version.HTTP_1_1).build();
        this.timeout = timeout;
        this.maxSize = maxSize;
        this.port = port;
    }

    /** The policy text, or an {@link IOException} saying why there is none. */
    public String fetch(String domain) throws IOException {
        String host = "mta-sts." + domain.toLowerCase(Locale.ROOT);
        URI uri = URI.create("https://" + host + (port == 443 ? "" : ":" + port) + "/.well-known/mta-sts.txt");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        // the size bound on the body (an IOException past it), the whole exchange under the timeout
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request,
                info -> new BoundedBody(maxSize));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IOException(uri + " gave no policy within " + timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IOException(uri + ": " + (cause == null ? e : cause.toString()), cause);
        }
        if (response.statusCode() != 200) { // §3.3: only 200 is a policy
            throw new IOException(uri + " answered HTTP " + response.statusCode());
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.toLowerCase(Locale.ROOT).strip().startsWith("text/plain")) { // §3.2: media type text/plain
            throw new IOException(uri + " is not text/plain but " + type);
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** Collects a body of at most {@code limit} bytes; past it the exchange fails and the stream is cancelled. */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        BoundedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new IOException("the policy is longer than " + limit + " bytes"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
