package com.shop.payments;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

public class PaymentsClient {
    private final HttpClient httpClient = HttpClient.newHttpClient();

    public String charge(HttpRequest req) throws InterruptedException {
        // ruleid: retry-loop-no-backoff
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return httpClient.send(req, HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                System.err.println("charge failed: " + e);
            }
        }
        throw new IllegalStateException("payments unavailable");
    }

    public String refund(HttpRequest req) throws InterruptedException {
        // ruleid: retry-loop-no-backoff
        while (true) {
            try {
                return httpClient.send(req, HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                Thread.sleep(1000);
            }
        }
    }

    public String capture(HttpRequest req) throws InterruptedException {
        long backoff = 100;
        // ok: retry-loop-no-backoff
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return httpClient.send(req, HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                Thread.sleep(backoff);
                backoff *= 2;
            }
        }
        throw new IllegalStateException("payments unavailable");
    }

    public void notifyAll(List<HttpRequest> reqs) throws InterruptedException {
        // ok: retry-loop-no-backoff
        for (HttpRequest r : reqs) {
            try {
                httpClient.send(r, HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                return;
            }
        }
        // ok: retry-loop-no-backoff
        for (int i = 0; i < reqs.size(); i++) {
            try {
                httpClient.send(reqs.get(i), HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                return;
            }
        }
    }

    public URI base() {
        // ok: retry-loop-no-backoff
        while (httpClient == null) {
            return null;
        }
        return URI.create("http://payments:8080");
    }
}
