ORDER_COLUMNS = "sku, name, score"


def queries(cur, user_id, category, exclude, conn):
    # ruleid: sql-string-concatenation
    cur.execute("SELECT sku FROM product_views WHERE user_id = " + user_id + " ORDER BY viewed_at DESC LIMIT 50")
    # ruleid: sql-string-concatenation
    cur.execute(f"SELECT sku, name, score FROM products WHERE category = '{category}' LIMIT 10")
    # ruleid: sql-string-concatenation
    cur.execute("DELETE FROM carts WHERE user_id = '%s'" % user_id)
    # ruleid: sql-string-concatenation
    cur.executemany("INSERT INTO views (sku) VALUES ({})".format(category), [])
    sql = "SELECT sku FROM purchases WHERE user_id = %s"
    if exclude:
        sql += " AND sku NOT IN (" + ",".join(exclude) + ")"
    # ruleid: sql-string-concatenation
    cur.execute(sql, (user_id,))
    # ruleid: sql-string-concatenation
    cur.execute("SELECT sku FROM products "
                f"WHERE category = '{category}'")
    # ok: sql-string-concatenation
    cur.execute(f"SELECT {ORDER_COLUMNS} FROM products WHERE category = %s", (category,))
    # ok: sql-string-concatenation
    cur.execute("SELECT sku FROM purchases WHERE user_id = %s ORDER BY purchased_at DESC LIMIT %s", (user_id, 20))
    # ok: sql-string-concatenation
    cur.execute("SELECT " + ORDER_COLUMNS + " FROM products WHERE category = %s", (category,))
    # ok: sql-string-concatenation
    cur.execute(f"SELECT category FROM products WHERE sku = %s", (user_id,))
    # ok: sql-string-concatenation
    log.execute("user " + user_id + " logged in")
    # ok: sql-string-concatenation
    subprocess.run("ls " + category)
    return cur.fetchall()
