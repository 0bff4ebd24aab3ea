import requests

CATALOG_URL = "http://catalog:8080"


def fetch(sku, payload, opts):
    # ruleid: python-requests-no-timeout
    resp = requests.get(f"{CATALOG_URL}/v1/products/{sku}", timeout=10)
    # ruleid: python-requests-no-timeout
    requests.post(CATALOG_URL, json=payload, timeout=10)
    # ruleid: python-requests-no-timeout
    requests.request("DELETE", CATALOG_URL, headers={"x": "1"}, timeout=10,)
    # ruleid: python-requests-no-timeout
    r = requests.Session().get(CATALOG_URL, timeout=10)
    # ruleid: python-requests-no-timeout
    requests.put(
        CATALOG_URL,
        data=payload,  # the body
        timeout=10,
    )
    # ruleid: python-requests-no-timeout
    requests.patch(
        CATALOG_URL,
        data=payload,
        timeout=10
    )
    # ruleid: python-requests-no-timeout
    requests.head(timeout=10)
    # ok: python-requests-no-timeout
    requests.get(CATALOG_URL, timeout=2)
    # ok: python-requests-no-timeout
    requests.post(CATALOG_URL, json=payload, timeout=(3, 10))
    # ok: python-requests-no-timeout
    requests.get(CATALOG_URL, **opts)
    # ok: python-requests-no-timeout
    requests.codes.ok
    # ok: python-requests-no-timeout
    session.get(CATALOG_URL)
    # ok: python-requests-no-timeout
    httpx.get(CATALOG_URL)
    # todoruleid: python-requests-no-timeout
    with requests.Session() as s: s.get(CATALOG_URL)
    return resp, r
