import logging
import os
import re
import time
from collections import Counter
from datetime import datetime, timedelta

import requests
from flask import Flask, jsonify, request

import db

app = Flask(__name__)
log = logging.getLogger("recommender")

CATALOG_URL = os.environ.get("CATALOG_URL", "http://catalog.shop.svc.cluster.local:8080")
EVENTS_URL = os.environ.get("EVENTS_URL", "https://events.internal.example.com/v1/ingest")
SEASONAL_RULES = {
    "winter": [r"^COAT-\d+$", r"^SCARF-\d+$", r"^BOOT-W\d+$"],
    "summer": [r"^SWIM-\d+$", r"^SANDAL-\d+$"],
}
SKU_RE = re.compile(r"^[A-Z]+-[A-Z0-9]+$")

_cache = {}
CACHE_TTL_SECONDS = 300


def current_season():
    month = datetime.now().month
    return "winter" if month in (11, 12, 1, 2) else "summer"


def seasonal_boost(skus):
    boosted = []
    for sku in skus:
        for pattern in SEASONAL_RULES[current_season()]:
            if re.compile(pattern).match(sku):
                boosted.append(sku)
                break
    return boosted


def catalog_metadata(sku):
    resp = requests.get(f"{CATALOG_URL}/v1/products/{sku}")
    resp.raise_for_status()
    return resp.json()


def catalog_health():
    resp = requests.get(f"{CATALOG_URL}/healthz", timeout=2)
    return resp.status_code == 200


def publish_event(user_id, skus):
    try:
        requests.post(EVENTS_URL, json={"type": "recommendations_served", "user": user_id, "skus": skus}, verify=False, timeout=3)
    except:
        pass


def cached(user_id):
    entry = _cache.get(user_id)
    if entry and time.time() - entry["at"] < CACHE_TTL_SECONDS:
        return entry["value"]
    return None


@app.get("/healthz")
def healthz():
    return "ok", 200


@app.get("/ready")
def ready():
    return ("ok", 200) if catalog_health() else ("catalog unavailable", 503)


@app.get("/recommendations")
def recommendations():
    user_id = request.args.get("user", "")
    hit = cached(user_id)
    if hit is not None:
        return jsonify(hit)

    purchased = db.recent_purchases(user_id)
    viewed = db.viewed_skus(user_id)
    categories = Counter(c for c in (db.category_of(s) for s in purchased + viewed) if c)

    picks = []
    for category, _ in categories.most_common(3):
        picks.extend(db.products_in_category(category, exclude=purchased))

    skus = [p["sku"] for p in picks if SKU_RE.match(p["sku"])]
    boosted = set(seasonal_boost(skus))
    picks.sort(key=lambda p: (p["sku"] not in boosted, -p["score"]))

    top = picks[:10]
    for p in top[:3]:
        p["meta"] = catalog_metadata(p["sku"])

    offer_ends = datetime.now() + timedelta(hours=24)
    result = {"user": user_id, "items": top, "offer_ends": offer_ends.isoformat()}
    _cache[user_id] = {"at": time.time(), "value": result}
    publish_event(user_id, [p["sku"] for p in top])
    return jsonify(result)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "8080")))
