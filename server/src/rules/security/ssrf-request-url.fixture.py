from urllib.parse import urlparse
from urllib.request import urlopen

import httpx
import requests
from flask import Flask, abort, request

app = Flask(__name__)
ALLOWED_HOSTS = {"images.example.com"}


@app.route("/preview")
def preview():
    # ruleid: ssrf-request-url
    return requests.get(request.args["url"], timeout=5).text


@app.route("/webhook", methods=["POST"])
def webhook():
    target = request.json["callback"]
    # ruleid: ssrf-request-url
    httpx.post(target, json={"ok": True}, timeout=5)
    return "", 204


@app.route("/import")
def import_feed():
    # ruleid: ssrf-request-url
    return urlopen(request.args.get("feed"), timeout=5).read()


@app.route("/product/<pid>")
def product(pid):
    # ok: ssrf-request-url
    return requests.get(f"https://catalog.internal/products/{pid}", timeout=5).json()


@app.route("/checked")
def checked():
    url = request.args["url"]
    if urlparse(url).hostname not in ALLOWED_HOSTS:
        abort(400)
    # ok: ssrf-request-url
    return requests.get(url, timeout=5).text


def refresh(url):
    # ok: ssrf-request-url
    return requests.get(url, timeout=5).json()
