import sqlite3

TABLE = "orders"


def order(conn: sqlite3.Connection, order_id: int):
    # ruleid: sql-select-star
    return conn.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()


def recent(cur, customer_id):
    cur.execute(
        # ruleid: sql-select-star
        f"select * from {TABLE} where customer_id = %s order by created_at desc limit 20",
        (customer_id,),
    )
    return cur.fetchall()


def by_status(cur, status):
    query = (
        # ruleid: sql-select-star
        "SELECT * "
        "FROM order_items WHERE status = %s"
    )
    cur.execute(query, (status,))
    return cur.fetchall()


def count(cur):
    # ok: sql-select-star
    cur.execute("SELECT COUNT(*) FROM orders")
    return cur.fetchone()[0]


def has_open(cur, customer_id):
    # ok: sql-select-star
    cur.execute("SELECT EXISTS (SELECT * FROM orders WHERE customer_id = %s)", (customer_id,))
    return cur.fetchone()[0]


def totals(cur):
    # ok: sql-select-star
    cur.execute("SELECT id, status, total_cents * 2 FROM orders")
    return cur.fetchall()


def legacy_totals(cur):
    # ok: sql-select-star
    """Like the old report's SELECT * FROM orders, but only the columns the dashboard shows."""
    cur.execute("SELECT id, total_cents FROM orders")
    return cur.fetchall()
