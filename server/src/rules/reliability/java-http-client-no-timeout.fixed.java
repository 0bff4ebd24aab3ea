package shop.inventory;

import java.net.http.HttpClient;
import java.time.Duration;

public class Clients {
    // ruleid: java-http-client-no-timeout
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    // ruleid: java-http-client-no-timeout
    private final HttpClient simple = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    // ruleid: java-http-client-no-timeout
    private final HttpClient qualified = java.net.http.HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
    // ok: java-http-client-no-timeout
    private final HttpClient good = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();

    HttpClient configured(boolean http2) {
        // ok: java-http-client-no-timeout
        HttpClient.Builder b = HttpClient.newBuilder();
        b.connectTimeout(Duration.ofSeconds(2));
        if (http2) {
            b.version(HttpClient.Version.HTTP_2);
        }
        return b.build();
    }

    HttpClient.Builder base() {
        // ok: java-http-client-no-timeout
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_2);
    }

    // ok: java-http-client-no-timeout
    private final OkHttpClient ok = new OkHttpClient.Builder().build();
}
