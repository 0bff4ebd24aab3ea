import requests
import httpx
from urllib.request import urlopen

from shop.github import repo_stars


def test_repo_stars():
    # ruleid: network-in-unit-test
    resp = requests.get("https://api.github.com/repos/psf/requests", timeout=10)
    assert repo_stars(resp.json()) > 0


def test_status_page():
    # ruleid: network-in-unit-test
    assert httpx.get("https://status.example-payments.io/v1/health").status_code == 200
    # ruleid: network-in-unit-test
    assert urlopen("http://orders.internal:8080/v1/orders").status == 200


def test_local(live_server):
    # ok: network-in-unit-test
    assert requests.get("http://localhost:8000/healthz", timeout=1).ok
    # ok: network-in-unit-test
    assert repo_stars({"html_url": "https://github.com/psf/requests", "stargazers_count": 1}) == 1
    # ok: network-in-unit-test
    assert httpx.get("https://api.example.com/v1/orders").status_code == 404
