import clickhouse_connect
from clickhouse_driver import Client

client = clickhouse_connect.get_client(host="localhost")
driver = Client("localhost")


def store(events):
    for e in events:
        # ruleid: analytics-insert-in-loop
        client.insert("events", [[e["name"], e["user_id"]]], column_names=["name", "user_id"])


def store_sql(events):
    for e in events:
        # ruleid: analytics-insert-in-loop
        client.command(f"INSERT INTO events (name, user_id) VALUES ('{e['name']}', {e['user_id']})")
        # ruleid: analytics-insert-in-loop
        driver.execute("INSERT INTO events (name, user_id) VALUES", [(e["name"], e["user_id"])])


def store_batch(events):
    rows = [[e["name"], e["user_id"]] for e in events]
    # ok: analytics-insert-in-loop
    client.insert("events", rows, column_names=["name", "user_id"])


def store_chunks(chunks):
    for chunk in chunks:
        # ok: analytics-insert-in-loop
        driver.execute("INSERT INTO events (name, user_id) VALUES", chunk)


def optimize(tables):
    for t in tables:
        # ok: analytics-insert-in-loop
        client.command(f"OPTIMIZE TABLE {t} FINAL")
