package com.shop.pricing;

import java.time.Duration;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;

@Configuration
public class HttpClients {
    // ruleid: java-resttemplate-no-timeout
    private final RestTemplate fallback = new RestTemplate();

    @Bean
    public RestTemplate catalogTemplate() {
        // ruleid: java-resttemplate-no-timeout
        return new RestTemplate();
    }

    public PriceClient priceClient() {
        // ruleid: java-resttemplate-no-timeout
        return new PriceClient(new RestTemplate(), "http://pricing:8080");
    }

    @Bean
    public RestTemplate inventoryTemplate(RestTemplateBuilder builder) {
        // ok: java-resttemplate-no-timeout
        return builder.connectTimeout(Duration.ofSeconds(3)).readTimeout(Duration.ofSeconds(10)).build();
    }

    @Bean
    public RestTemplate taxTemplate() {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(3000);
        factory.setReadTimeout(10000);
        // ok: java-resttemplate-no-timeout
        return new RestTemplate(factory);
    }

    // ok: java-resttemplate-no-timeout
    private final RestTemplateBuilder builder = new RestTemplateBuilder();

    record PriceClient(RestTemplate template, String baseUrl) {}
}
