package shop.payments;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

public class PaymentClients {
    // ruleid: hard-coded-endpoint
    private static final String FRAUD_URL = "http://10.0.3.7:8080/v1/score";
    // ok: hard-coded-endpoint
    private static final String STRIPE = "https://api.stripe.com/v1/charges";

    public Connection db() throws SQLException {
        // ruleid: hard-coded-endpoint
        return DriverManager.getConnection("jdbc:postgresql://orders-db.internal:5432/shop");
    }

    public HttpRequest ledger() {
        // ruleid: hard-coded-endpoint
        return HttpRequest.newBuilder(URI.create("http://ledger:9000/balances")).build();
    }

    public String configured() {
        // ok: hard-coded-endpoint
        String ledger = System.getenv().getOrDefault("LEDGER_URL", "http://ledger:9000");
        // ok: hard-coded-endpoint
        String local = System.getProperty("fraud.url", "http://localhost:8080");
        // ok: hard-coded-endpoint
        String key = "order:42";
        return ledger + local + key + STRIPE + FRAUD_URL;
    }
}
