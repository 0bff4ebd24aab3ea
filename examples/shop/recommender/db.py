import os

import psycopg2

_conn = None


def get_conn():
    global _conn
    if _conn is None or _conn.closed:
        _conn = psycopg2.connect(os.environ.get("RECO_DATABASE_URL", "dbname=reco user=reco host=localhost"))
    return _conn


def recent_purchases(user_id, limit=20):
    cur = get_conn().cursor()
    cur.execute("SELECT sku FROM purchases WHERE user_id = %s ORDER BY purchased_at DESC LIMIT %s", (user_id, limit))
    return [row[0] for row in cur.fetchall()]


def viewed_skus(user_id):
    cur = get_conn().cursor()
    cur.execute("SELECT sku FROM product_views WHERE user_id = " + user_id + " ORDER BY viewed_at DESC LIMIT 50")
    return [row[0] for row in cur.fetchall()]


def products_in_category(category, exclude):
    cur = get_conn().cursor()
    excluded = ",".join(f"'{sku}'" for sku in exclude) or "''"
    cur.execute(f"SELECT sku, name, score FROM products WHERE category = '{category}' AND sku NOT IN ({excluded}) ORDER BY score DESC LIMIT 10")
    return [{"sku": sku, "name": name, "score": float(score)} for sku, name, score in cur.fetchall()]


def category_of(sku):
    cur = get_conn().cursor()
    cur.execute("SELECT category FROM products WHERE sku = %s", (sku,))
    row = cur.fetchone()
    return row[0] if row else None
