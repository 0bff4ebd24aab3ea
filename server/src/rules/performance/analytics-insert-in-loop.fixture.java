package shop.events;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

public class EventWriter {
    private final Connection conn;

    public EventWriter() throws SQLException {
        this.conn = DriverManager.getConnection("jdbc:clickhouse://localhost:8123/default");
    }

    public void store(List<Event> events) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO events (name, user_id) VALUES (?, ?)")) {
            for (Event e : events) {
                ps.setString(1, e.name());
                ps.setLong(2, e.userId());
                // ruleid: analytics-insert-in-loop
                ps.executeUpdate();
            }
        }
    }

    public void storeSql(List<Event> events) throws SQLException {
        try (Statement st = conn.createStatement()) {
            for (Event e : events) {
                // ruleid: analytics-insert-in-loop
                st.executeUpdate("INSERT INTO events (name, user_id) VALUES ('" + e.name() + "', " + e.userId() + ")");
            }
            int i = 0;
            while (i < events.size()) {
                // ruleid: analytics-insert-in-loop
                st.execute("INSERT INTO events VALUES ('" + events.get(i++).name() + "', 1)");
            }
        }
    }

    public void storeBatch(List<Event> events) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO events (name, user_id) VALUES (?, ?)")) {
            for (Event e : events) {
                ps.setString(1, e.name());
                // ok: analytics-insert-in-loop
                ps.addBatch();
            }
            // ok: analytics-insert-in-loop
            ps.executeBatch();
        }
    }

    public void optimize(List<String> tables) throws SQLException {
        try (Statement st = conn.createStatement()) {
            for (String t : tables) {
                // ok: analytics-insert-in-loop
                st.execute("OPTIMIZE TABLE " + t + " FINAL");
            }
        }
    }

    private void run(Statement st, String sql) {
        try {
            // ok: analytics-insert-in-loop
            st.execute(sql);
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
