# fixture-options: {"required": true}
import time

import requests
from tenacity import retry, stop_after_attempt, wait_exponential_jitter

PRICING = "http://pricing:8080"


def price(sku):
    # ruleid: outbound-call-no-retry
    return requests.get(f"{PRICING}/price/{sku}", timeout=3).json()


def stock(session, sku):
    # ruleid: outbound-call-no-retry
    resp = session.get(f"{PRICING}/stock/{sku}", timeout=3)
    return resp.json()


def publish(event):
    # ruleid: outbound-call-no-retry
    requests.post(f"{PRICING}/events", json=event, timeout=3)


@retry(stop=stop_after_attempt(3), wait=wait_exponential_jitter(0.2, 5))
def price_with_retry(sku):
    # ok: outbound-call-no-retry
    return requests.get(f"{PRICING}/price/{sku}", timeout=3).json()


def price_loop(sku):
    for attempt in range(3):
        try:
            # ok: outbound-call-no-retry
            return requests.get(f"{PRICING}/price/{sku}", timeout=3).json()
        except requests.RequestException:
            time.sleep(2 ** attempt)
    raise RuntimeError("pricing unavailable")


def parse(payload):
    # ok: outbound-call-no-retry
    return payload.get("price")
