import httpx
import requests

EVENTS_URL = "https://events.internal.example.com/v1/ingest"


def publish(body, session, model):
    # ruleid: python-tls-verify-disabled
    requests.post(EVENTS_URL, json=body, verify=False, timeout=3)
    # ruleid: python-tls-verify-disabled
    resp = session.get(EVENTS_URL, verify=False)
    # ruleid: python-tls-verify-disabled
    client = httpx.Client(base_url=EVENTS_URL, verify=False)
    # ruleid: python-tls-verify-disabled
    session.verify = False
    # ok: python-tls-verify-disabled
    requests.post(EVENTS_URL, json=body, verify=True, timeout=3)
    # ok: python-tls-verify-disabled
    requests.get(EVENTS_URL, verify="/etc/ssl/certs/internal-ca.pem", timeout=3)
    # ok: python-tls-verify-disabled
    model.save(path="m.bin", verify=False)
    # ok: python-tls-verify-disabled
    session.verify = "/etc/ssl/certs/internal-ca.pem"
    # ok: python-tls-verify-disabled
    requests.get(EVENTS_URL, timeout=3)
    return resp, client
