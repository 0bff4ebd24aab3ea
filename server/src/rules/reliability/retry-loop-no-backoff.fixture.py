import random
import time

import requests

PAYMENTS = "http://payments:8080"


def charge(order):
    # ruleid: retry-loop-no-backoff
    for attempt in range(5):
        try:
            resp = requests.post(f"{PAYMENTS}/charge", json=order, timeout=5)
            resp.raise_for_status()
            return resp.json()
        except requests.RequestException:
            continue
    raise RuntimeError("payment service unavailable")


def refund(order):
    # ruleid: retry-loop-no-backoff
    while True:
        try:
            return requests.post(f"{PAYMENTS}/refund", json=order, timeout=5).json()
        except requests.RequestException:
            time.sleep(1)


def status(session, order_id):
    # ruleid: retry-loop-no-backoff
    while True:
        resp = session.get(f"{PAYMENTS}/status/{order_id}", timeout=5)
        if resp.status_code == 200:
            return resp.json()


def capture(order):
    # ok: retry-loop-no-backoff
    for attempt in range(5):
        try:
            return requests.post(f"{PAYMENTS}/capture", json=order, timeout=5).json()
        except requests.RequestException:
            time.sleep(min(30, 0.5 * 2 ** attempt) * random.uniform(0.5, 1.5))
    raise RuntimeError("payment service unavailable")


def notify_all(orders):
    # ok: retry-loop-no-backoff
    for order in orders:
        try:
            requests.post(f"{PAYMENTS}/notify", json=order, timeout=5)
        except requests.RequestException:
            continue


def poll(order_id):
    attempts = 0
    # ok: retry-loop-no-backoff
    while True:
        attempts += 1
        try:
            return requests.get(f"{PAYMENTS}/poll/{order_id}", timeout=5).json()
        except requests.RequestException:
            if attempts >= 5:
                raise
            time.sleep(2 ** attempts)
