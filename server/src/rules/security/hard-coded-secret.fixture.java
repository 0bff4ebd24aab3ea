package com.acme.payments;

import java.util.Properties;

public class PaymentsConfig {
    // ruleid: hard-coded-secret
    private static final String DB_PASSWORD = "Pay-Db#2024!x";
    // ok: hard-coded-secret
    private static final String DB_PASSWORD_ENV = "PAYMENTS_DB_PASSWORD";
    // ok: hard-coded-secret
    private static final String PASSWORD_PROPERTY = "spring.datasource.password";

    // ruleid: hard-coded-secret
    private String githubToken = "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4w";

    Properties kafka() {
        Properties props = new Properties();
        props.put("bootstrap.servers", "kafka:9092");
        // ruleid: hard-coded-secret
        props.put("sasl.jaas.config.password", "Kafka!Secr3tValue");
        // ruleid: hard-coded-secret
        props.setProperty("apiKey", "5e4d3c2b1a09f8e7d6c5b4a3");
        // ok: hard-coded-secret
        props.setProperty("password", System.getenv(DB_PASSWORD_ENV));
        // ok: hard-coded-secret
        props.setProperty("client.secret", "${CLIENT_SECRET}");
        // ok: hard-coded-secret
        String passwordHint = "At least 12 characters";
        return props;
    }
}
