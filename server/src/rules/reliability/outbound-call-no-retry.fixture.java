// fixture-options: {"required": true}
package com.shop.pricing;

import io.github.resilience4j.retry.annotation.Retry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.web.client.RestTemplate;

public class PricingClient {
    private final HttpClient httpClient = HttpClient.newHttpClient();
    private final RestTemplate restTemplate;

    public PricingClient(RestTemplate restTemplate) {
        this.restTemplate = restTemplate;
    }

    public String price(HttpRequest req) throws IOException, InterruptedException {
        // ruleid: outbound-call-no-retry
        return httpClient.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }

    public Integer stock(String sku) {
        // ruleid: outbound-call-no-retry
        return restTemplate.getForObject("http://pricing:8080/stock/{sku}", Integer.class, sku);
    }

    @Retry(name = "pricing")
    public Integer stockWithRetry(String sku) {
        // ok: outbound-call-no-retry
        return restTemplate.getForObject("http://pricing:8080/stock/{sku}", Integer.class, sku);
    }

    public String currency(HttpRequest req) throws InterruptedException {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                // ok: outbound-call-no-retry
                return httpClient.send(req, HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                Thread.sleep(100L << attempt);
            }
        }
        // ruleid: outbound-call-no-retry
        return restTemplate.getForObject("http://pricing:8080/currency", String.class);
    }

    public String name() {
        // ok: outbound-call-no-retry
        return httpClient.version().name();
    }
}
