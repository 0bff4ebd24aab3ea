import json
from urllib import request
from urllib.request import urlopen


def fetch_report(url):
    # ruleid: read-whole-body
    return urlopen(url, timeout=10).read()


def fetch_json(url):
    # ruleid: read-whole-body
    return json.loads(request.urlopen(url, timeout=10).read())


def fetch_export(req):
    # ruleid: read-whole-body
    data = urlopen(req, timeout=30).read()
    return data.decode()


def fetch_head(url):
    # ok: read-whole-body
    return urlopen(url, timeout=10).read(65536)


def copy_to(url, out):
    with urlopen(url, timeout=10) as resp:
        # ok: read-whole-body
        while chunk := resp.read(65536):
            out.write(chunk)


def read_config(path):
    with open(path) as f:
        # ok: read-whole-body
        return f.read()
