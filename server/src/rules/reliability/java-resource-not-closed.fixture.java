package com.shop.reports;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

public class ReportDao {
    private final DataSource dataSource;
    private FileInputStream current;

    public ReportDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long total(long customerId) throws SQLException {
        // ruleid: java-resource-not-closed
        Connection c = dataSource.getConnection();
        // ruleid: java-resource-not-closed
        PreparedStatement ps = c.prepareStatement("SELECT SUM(total) FROM orders WHERE customer_id = ?");
        ps.setLong(1, customerId);
        ResultSet rs = ps.executeQuery();
        return rs.next() ? rs.getLong(1) : 0;
    }

    public String firstLine(String path) throws IOException {
        // ruleid: java-resource-not-closed
        BufferedReader reader = new BufferedReader(new FileReader(path));
        return reader.readLine();
    }

    public String safeFirstLine(String path) throws IOException {
        // ok: java-resource-not-closed
        try (BufferedReader reader = new BufferedReader(new FileReader(path))) {
            return reader.readLine();
        }
    }

    public long count() throws SQLException {
        // ok: java-resource-not-closed
        Connection c = dataSource.getConnection();
        try {
            return c.createStatement().executeQuery("SELECT 1").getLong(1);
        } finally {
            c.close();
        }
    }

    public FileInputStream open(String path) throws IOException {
        // ok: java-resource-not-closed
        FileInputStream in = new FileInputStream(path);
        return in;
    }

    public Object tunnel(java.util.function.Supplier<javax.net.ssl.SSLSocket> source) {
        // ok: java-resource-not-closed
        javax.net.ssl.SSLSession session = pool().getConnection();
        return session;
    }

    private Pool pool() { return null; }

    interface Pool { javax.net.ssl.SSLSession getConnection(); }

    public String prompt() throws IOException {
        // ok: java-resource-not-closed
        BufferedReader console = new BufferedReader(new InputStreamReader(System.in));
        return console.readLine();
    }
}
