package shop.inventory;

import java.sql.PreparedStatement;
import java.sql.SQLException;

public class Releases {
    public void releaseQuietly(String sku, int qty) {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE stock SET reserved = reserved - ? WHERE sku = ?")) {
            ps.setInt(1, qty);
            ps.executeUpdate();
        // ruleid: java-empty-catch
        } catch (SQLException e) {
        }
        try {
            Thread.sleep(100);
        // ruleid: java-empty-catch
        } catch (InterruptedException e) {}
        try {
            parse(sku);
        // ruleid: java-empty-catch
        } catch (NumberFormatException | IllegalStateException ex) {
        } finally {
            close();
        }
        try {
            ping();
        // ok: java-empty-catch
        } catch (IOException e) {
            log.warn("ping failed", e);
        }
        try {
            Integer.parseInt(sku);
        // ok: java-empty-catch
        } catch (NumberFormatException ignored) {
        }
        try {
            Integer.parseInt(sku);
        // ok: java-empty-catch
        } catch (NumberFormatException e) {
            // not a numeric SKU: fall back to the name lookup below
        }
        try {
            Thread.sleep(100);
        // ok: java-empty-catch
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
