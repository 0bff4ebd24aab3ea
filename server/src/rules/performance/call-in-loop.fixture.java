package shop.orders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

public class OrderService {
    private final JdbcTemplate jdbcTemplate;
    private final CustomerRepository customerRepository;
    private final HttpClient httpClient;

    public OrderService(JdbcTemplate jdbcTemplate, CustomerRepository customerRepository, HttpClient httpClient) {
        this.jdbcTemplate = jdbcTemplate;
        this.customerRepository = customerRepository;
        this.httpClient = httpClient;
    }

    public void enrich(List<Order> orders) {
        for (Order o : orders) {
            // ruleid: call-in-loop
            o.setCustomer(customerRepository.findById(o.getCustomerId()).orElseThrow());
        }
        // ruleid: call-in-loop
        orders.forEach(o -> o.setTotal(jdbcTemplate.queryForObject("SELECT total FROM totals WHERE order_id = ?", Long.class, o.getId())));
    }

    public void notifyAll(List<String> hooks) throws Exception {
        for (int i = 0; i < hooks.size(); i++) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(hooks.get(i))).build();
            // ruleid: call-in-loop
            httpClient.send(req, HttpResponse.BodyHandlers.discarding());
        }
    }

    public void waitReady() throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                // ok: call-in-loop
                jdbcTemplate.queryForObject("SELECT 1", Integer.class);
                return;
            } catch (RuntimeException e) {
                Thread.sleep(100L * attempt);
            }
        }
    }

    public List<Customer> customers(List<Long> ids) {
        // ok: call-in-loop
        return customerRepository.findAllById(ids);
    }

    public int count(List<Order> orders, Map<Long, Customer> byId) {
        int n = 0;
        for (Order o : orders) {
            // ok: call-in-loop
            if (byId.get(o.getCustomerId()) != null) n++;
        }
        return n;
    }
}
