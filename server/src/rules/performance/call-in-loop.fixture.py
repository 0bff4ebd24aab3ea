import requests
from django.db import connection

from shop.models import Customer


def customer_names(cursor, orders):
    names = {}
    for order in orders:
        # ruleid: call-in-loop
        cursor.execute("SELECT name FROM customers WHERE id = %s", (order.customer_id,))
        names[order.customer_id] = cursor.fetchone()[0]
    return names


def enrich(orders):
    # ruleid: call-in-loop
    return [Customer.objects.get(pk=o.customer_id) for o in orders]


def notify(hooks, payload):
    for url in hooks:
        # ruleid: call-in-loop
        requests.post(url, json=payload, timeout=5)


async def prices(client, skus):
    out = {}
    for sku in skus:
        # ruleid: call-in-loop
        resp = await client.get(f"https://pricing.internal/v1/prices/{sku}")
        out[sku] = resp.json()["price"]
    return out


def wait_ready(session, url):
    for attempt in range(5):
        try:
            # ok: call-in-loop
            return requests.get(url, timeout=2)
        except requests.ConnectionError:
            continue


def customer_names_batched(cursor, orders):
    ids = [o.customer_id for o in orders]
    # ok: call-in-loop
    cursor.execute("SELECT id, name FROM customers WHERE id = ANY(%s)", (ids,))
    return dict(cursor.fetchall())


def totals(request, orders):
    for order in orders:
        # ok: call-in-loop
        order.owner = request.session.get("user_id")
    with connection.cursor() as cursor:
        for _ in range(3):
            # ok: call-in-loop
            cursor.execute("SELECT pg_advisory_lock(42)")
    return orders
