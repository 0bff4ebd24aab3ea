package shop.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

public class StockRepository {
    private static final String STOCK_TABLE = "stock";

    public int stockLevel(Connection connection, Statement stmt, String sku, int threshold) throws SQLException {
        // ruleid: sql-string-concatenation
        ResultSet rs = stmt.executeQuery("SELECT quantity FROM stock WHERE sku = '" + sku + "'");
        // ruleid: sql-string-concatenation
        stmt.executeUpdate(String.format("UPDATE stock SET reserved = 0 WHERE sku = '%s'", sku));
        // ruleid: sql-string-concatenation
        PreparedStatement bad = connection.prepareStatement("SELECT sku FROM stock WHERE sku LIKE '" + sku + "%'");
        String q = "DELETE FROM stock WHERE sku = '%s'".formatted(sku);
        // ruleid: sql-string-concatenation
        stmt.execute(q);
        // ok: sql-string-concatenation
        PreparedStatement ps = connection.prepareStatement("SELECT sku FROM stock WHERE quantity < ?");
        // ok: sql-string-concatenation
        PreparedStatement ps2 = connection.prepareStatement("SELECT sku FROM " + STOCK_TABLE + " WHERE quantity < ?");
        // ok: sql-string-concatenation
        ps.executeQuery();
        // ok: sql-string-concatenation
        executor.execute("worker-" + sku);
        // ok: sql-string-concatenation
        stmt.executeQuery("SELECT quantity FROM stock WHERE sku = 'A' " + "ORDER BY sku");
        return rs.next() ? rs.getInt("quantity") + threshold : 0;
    }
}
