# fixture-options: {"timeout": "2500ms"}
import urllib.request


def ping(url):
    # ruleid: python-http-client-no-timeout
    with urllib.request.urlopen(url) as resp:
        return resp.status


def ping_fast(url):
    # ok: python-http-client-no-timeout
    with urllib.request.urlopen(url, timeout=1) as resp:
        return resp.status
