package shop.github;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class GithubClientTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readsStars() throws Exception {
        // ruleid: network-in-unit-test
        HttpRequest req = HttpRequest.newBuilder(URI.create("https://api.github.com/repos/openjdk/jdk")).build();
        assertEquals(200, http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void readsStatusPage() throws Exception {
        // ruleid: network-in-unit-test
        URL url = new URL("https://status.example-payments.io/v1/health");
        assertEquals("https", url.openConnection().getURL().getProtocol());
        // ruleid: network-in-unit-test
        HttpRequest orders = HttpRequest.newBuilder().uri(URI.create("http://orders.internal:8080/v1/orders")).build();
        assertEquals("GET", orders.method());
    }

    @Test
    void usesLocalServer() throws Exception {
        // ok: network-in-unit-test
        URI local = URI.create("http://localhost:8089/healthz");
        // ok: network-in-unit-test
        Repo repo = new Repo("https://github.com/openjdk/jdk", 1);
        // ok: network-in-unit-test
        URI example = URI.create("https://api.example.com/v1/orders");
        assertEquals(1, repo.stars() + local.getPort() - 8089 + example.getPort() + 1);
    }
}
