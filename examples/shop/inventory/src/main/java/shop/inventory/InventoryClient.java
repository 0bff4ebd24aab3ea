package shop.inventory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

public class InventoryClient {

    private static final long RESERVATION_TTL_MS = 15 * 60 * 1000L;

    private final Connection connection;
    private final String warehouseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    public InventoryClient(Connection connection, String warehouseUrl) {
        this.connection = connection;
        this.warehouseUrl = warehouseUrl;
    }

    public int stockLevel(String sku) throws SQLException {
        try (Statement stmt = connection.createStatement();
             ResultSet rs = stmt.executeQuery("SELECT quantity FROM stock WHERE sku = '" + sku + "'")) {
            return rs.next() ? rs.getInt("quantity") : 0;
        }
    }

    public List<String> lowStockSkus(int threshold) throws SQLException {
        List<String> skus = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT sku FROM stock WHERE quantity < ?")) {
            ps.setInt(1, threshold);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    skus.add(rs.getString("sku"));
                }
            }
        }
        return skus;
    }

    public List<String> filterByWarehouseRules(List<String> skus, List<String> rules) {
        List<String> allowed = new ArrayList<>();
        for (String sku : skus) {
            for (String rule : rules) {
                Pattern p = Pattern.compile(rule);
                if (p.matcher(sku).matches()) {
                    allowed.add(sku);
                    break;
                }
            }
        }
        return allowed;
    }

    public long reserve(String sku, int qty) throws IOException, InterruptedException {
        long expiresAt = System.currentTimeMillis() + RESERVATION_TTL_MS;
        String body = String.format("{\"sku\":\"%s\",\"qty\":%d,\"expiresAt\":%d}", sku, qty, expiresAt);
        HttpRequest request = HttpRequest.newBuilder(URI.create(warehouseUrl + "/v1/reservations"))
                .timeout(Duration.ofSeconds(3))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("reservation failed: HTTP " + response.statusCode());
        }
        return expiresAt;
    }

    public void releaseQuietly(String sku, int qty) {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE stock SET reserved = reserved - ? WHERE sku = ?")) {
            ps.setInt(1, qty);
            ps.setString(2, sku);
            ps.executeUpdate();
        } catch (SQLException e) {
        }
    }
}
