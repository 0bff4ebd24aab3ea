package shop.api;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import javax.servlet.http.HttpServletRequest;

public class ImportHandler {
    public byte[] importBody(HttpExchange exchange) throws IOException {
        // ruleid: read-whole-body
        return exchange.getRequestBody().readAllBytes();
    }

    public byte[] upload(HttpServletRequest request) throws IOException {
        // ruleid: read-whole-body
        byte[] data = request.getInputStream().readAllBytes();
        return data;
    }

    public byte[] report(URL url) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) url.openConnection();
        // ruleid: read-whole-body
        return conn.getInputStream().readAllBytes();
    }

    public byte[] importLimited(HttpExchange exchange) throws IOException {
        // ok: read-whole-body
        return exchange.getRequestBody().readNBytes(1 << 20);
    }

    public long copy(HttpExchange exchange, java.io.OutputStream out) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            // ok: read-whole-body
            return in.transferTo(out);
        }
    }

    public byte[] resource() throws IOException {
        try (InputStream in = ImportHandler.class.getResourceAsStream("/schema.json")) {
            // ok: read-whole-body
            return in.readAllBytes();
        }
    }
}
