package shop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

public class OrderDao {
    // ruleid: sql-select-star
    private static final String BY_ID = "SELECT * FROM orders WHERE id = ?";
    // ok: sql-select-star
    private static final String COUNT = "SELECT COUNT(*) FROM orders";

    private final Connection conn;

    public OrderDao(Connection conn) {
        this.conn = conn;
    }

    public ResultSet recent(long customer) throws SQLException {
        // ruleid: sql-select-star
        PreparedStatement ps = conn.prepareStatement("""
            select *
            from orders
            where customer_id = ? order by created_at desc
            """);
        ps.setLong(1, customer);
        return ps.executeQuery();
    }

    public ResultSet byStatus(String status) throws SQLException {
        // ruleid: sql-select-star
        String sql = "SELECT * " +
            "FROM order_items WHERE status = ?";
        PreparedStatement ps = conn.prepareStatement(sql);
        ps.setString(1, status);
        return ps.executeQuery();
    }

    public ResultSet hasOpen(long customer) throws SQLException {
        // ok: sql-select-star
        PreparedStatement ps = conn.prepareStatement("SELECT EXISTS (SELECT * FROM orders WHERE customer_id = ?)");
        ps.setLong(1, customer);
        return ps.executeQuery();
    }

    public ResultSet totals() throws SQLException {
        // ok: sql-select-star
        return conn.prepareStatement("SELECT id, status, total_cents FROM orders").executeQuery();
    }
}
