import os

import httpx
import redis

# ruleid: hard-coded-endpoint
FRAUD_URL = "http://10.0.3.7:8080/v1/score"


def clients():
    # ruleid: hard-coded-endpoint
    cache = redis.Redis.from_url("redis://cache.internal:6379/0")
    # ruleid: hard-coded-endpoint
    ledger = httpx.Client(base_url="http://ledger:9000")
    return cache, ledger


def inventory(sku):
    # ruleid: hard-coded-endpoint
    return httpx.get(f"http://inventory.svc.cluster.local/items/{sku}", timeout=5)


def config():
    # ok: hard-coded-endpoint
    ledger = os.environ.get("LEDGER_URL", "http://ledger:9000")
    # ok: hard-coded-endpoint
    stripe = "https://api.stripe.com/v1/charges"
    # ok: hard-coded-endpoint
    local = os.getenv("CACHE_URL") or "redis://localhost:6379/0"
    # ok: hard-coded-endpoint
    key = "order:42"
    return ledger, stripe, local, key
