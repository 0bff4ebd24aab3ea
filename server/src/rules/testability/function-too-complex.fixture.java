package shop.checkout;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

public class OrderValidator {
    private final boolean readOnly;
    private final boolean draining;

    // ok: function-too-complex
    public OrderValidator(boolean readOnly, boolean draining) {
        this.readOnly = readOnly && !draining;
        this.draining = draining;
    }

    // ruleid: function-too-complex
    public String validate(Order o) {
        if (o == null || o.id() == null) return "missing order";
        if (o.email() == null && o.phone() == null) return "no contact";
        for (Item it : o.items()) {
            if (it.qty() <= 0 || it.qty() > 100) return "bad quantity";
            if (it.price() < 0 && !it.refund()) return "bad price";
        }
        switch (o.country()) {
            case "US":
            case "CA":
                if (o.zip() == null) return "zip required";
                break;
            case "GB":
                if (!o.zip().matches("^[A-Z]{1,2}\\d.*")) return "postcode";
                break;
            case "DE":
                break;
            default:
                return "unsupported country";
        }
        if (o.coupon() != null && o.total() < 10) return "coupon minimum";
        return null;
    }

    // ok: function-too-complex
    public int shippingCost(Order o) {
        int cost = "US".equals(o.country()) ? 500 : 900;
        for (Item it : o.items()) {
            if (it.heavy() || it.fragile()) cost += 200;
        }
        return cost;
    }

    // ruleid: function-too-complex
    public int handle(Request req) {
        if (!"POST".equals(req.method()) && !"PUT".equals(req.method())) return 405;
        String token = req.header("Authorization");
        if (token == null || !token.startsWith("Bearer ") || token.length() > 4096) return 401;
        Order order;
        try {
            order = req.parse(Order.class);
        } catch (IllegalArgumentException e) {
            return 400;
        } catch (IllegalStateException e) {
            return 500;
        }
        if (order.items() == null || order.items().isEmpty() || order.items().size() > 500) return 422;
        int attempts = 0;
        while (draining && attempts++ < 3) {
            if (req.cancelled()) return 499;
        }
        return readOnly || (order.total() > 10_000 && order.coupon() == null) ? 403 : 201;
    }

    // ok: function-too-complex
    public Map<String, Function<Request, Integer>> routes() {
        return Map.of(
            "get", req -> "GET".equals(req.method()) || "HEAD".equals(req.method()) ? 200 : 405,
            "post", req -> {
                if ("POST".equals(req.method()) && !readOnly) return 201;
                else if (draining) return 503;
                return 400;
            });
    }

    public List<Item> importRows(List<Map<String, String>> rows) {
        // ruleid: function-too-complex
        return rows.stream().map(row -> {
            String sku = row.get("sku");
            if (sku == null || sku.isBlank() || sku.startsWith("#")) return null;
            int qty = row.get("qty") == null ? 0 : Integer.parseInt(row.get("qty"));
            if (qty < 0 || qty > 10_000) return null;
            double price = row.containsKey("price") ? Double.parseDouble(row.get("price")) : 0;
            if (price < 0 || (price == 0 && !row.containsKey("free"))) return null;
            String kind = row.getOrDefault("kind", "");
            boolean heavy = "y".equals(row.get("heavy")) || "yes".equals(row.get("heavy")) || "true".equals(row.get("heavy"));
            if (kind.isEmpty() && !row.containsKey("keepUntagged") && !heavy) return null;
            return new Item(sku, qty, price, heavy);
        }).toList();
    }
}
