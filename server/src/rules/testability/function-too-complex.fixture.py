import re

POSTCODE = re.compile(r"^[A-Z]{1,2}\d")


# ok: function-too-complex
def shipping_cost(order):
    cost = 500
    if order.express:
        cost += 1000
    for item in order.items:
        if item.heavy or item.fragile:
            cost += 200
    return cost if order.country == "US" else cost + 900


# ruleid: function-too-complex
def validate_order(order):
    if order is None or not order.id:
        raise ValueError("missing order")
    if not order.customer or (not order.customer.email and not order.customer.phone):
        raise ValueError("no contact")
    for item in order.items:
        if item.qty <= 0 or item.qty > 100:
            raise ValueError("bad quantity")
        if item.price < 0 and not item.refund:
            raise ValueError("bad price")
    if order.country in ("US", "CA"):
        if not order.zip:
            raise ValueError("zip required")
    elif order.country == "GB":
        if not POSTCODE.match(order.postcode or ""):
            raise ValueError("postcode")
    elif order.country != "DE":
        raise ValueError("unsupported country")
    if order.coupon and order.total < 10:
        raise ValueError("coupon minimum")


class Importer:
    # ruleid: function-too-complex
    def import_rows(self, rows):
        imported = 0
        for row in rows:
            try:
                sku = row["sku"].strip()
            except KeyError:
                continue
            except AttributeError:
                sku = str(row["sku"])
            if not sku or sku.startswith("#"):
                continue
            qty = int(row.get("qty") or 0)
            if qty < 0 or qty > 10000:
                continue
            price = float(row["price"]) if row.get("price") else None
            if price is None and not self.allow_missing_price:
                continue
            match row.get("kind"):
                case "bundle":
                    self.bundles.append(sku)
                case "digital":
                    self.digital.append(sku)
                case _:
                    pass
            tags = [t for t in row.get("tags", []) if t and t != "none"]
            if tags or self.keep_untagged:
                imported += 1
        return imported

    # ok: function-too-complex
    def summary(self):
        kinds = {"bundle": len(self.bundles), "digital": len(self.digital)}
        return {k: v for k, v in kinds.items() if v}


# ruleid: function-too-complex
async def handle(request):
    if request.method not in ("POST", "PUT"):
        return 405
    token = request.headers.get("Authorization", "")
    if not token or not token.startswith("Bearer "):
        return 401
    for attempt in range(3):
        try:
            await request.app["db"].ping()
            break
        except ConnectionError:
            if attempt == 2:
                return 503
    body = await request.json()
    if not body or "items" not in body or not isinstance(body["items"], list) or not body["items"]:
        return 400
    while request.app["draining"] and not request.app["stopped"]:
        return 503
    if request.app["read_only"] or (request.app["limiter"] and not request.app["limiter"].allow()):
        return 429
    return 200


# ok: function-too-complex
def make_handlers(app):
    def get(request):
        if request.method == "GET" or request.method == "HEAD":
            return 200
        return 405

    def post(request):
        if request.method == "POST" and app.open:
            return 201
        elif app.draining:
            return 503
        return 400

    return {"get": get, "post": post}
