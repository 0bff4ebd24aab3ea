package com.acme.preview;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;

@RestController
public class PreviewController {
    private static final Set<String> ALLOWED_HOSTS = Set.of("images.example.com");
    private final RestTemplate rest = new RestTemplate();

    @GetMapping("/preview")
    public String preview(@RequestParam String url) {
        // ruleid: ssrf-request-url
        return rest.getForObject(url, String.class);
    }

    InputStream servlet(HttpServletRequest request) throws IOException {
        // ruleid: ssrf-request-url
        return new URL(request.getParameter("feed")).openStream();
    }

    @GetMapping("/webhook")
    public URI webhook(@RequestParam("callback") String callback) {
        // ruleid: ssrf-request-url
        return URI.create(callback);
    }

    @GetMapping("/product")
    public String product(@RequestParam String id) {
        // ok: ssrf-request-url
        return rest.getForObject("https://catalog.internal/products/" + id, String.class);
    }

    @GetMapping("/checked")
    public String checked(@RequestParam String url) {
        if (!ALLOWED_HOSTS.contains(URI.create(url).getHost())) throw new IllegalArgumentException("host");
        // ok: ssrf-request-url
        return rest.getForObject(url, String.class);
    }

    String refresh(String url) {
        // ok: ssrf-request-url
        return rest.getForObject(url, String.class);
    }
}
