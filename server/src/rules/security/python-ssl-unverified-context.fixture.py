import ssl
import urllib.request

import aiohttp
import urllib3

# ruleid: python-ssl-unverified-context
ssl._create_default_https_context = ssl._create_unverified_context


def fetch(url):
    # ruleid: python-ssl-unverified-context
    ctx = ssl._create_unverified_context()
    return urllib.request.urlopen(url, context=ctx, timeout=5).read()


def internal_context():
    ctx = ssl.create_default_context()
    # ruleid: python-ssl-unverified-context
    ctx.check_hostname = False
    # ruleid: python-ssl-unverified-context
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def pool():
    # ruleid: python-ssl-unverified-context
    return urllib3.PoolManager(cert_reqs="CERT_NONE", timeout=5.0)


async def session():
    # ruleid: python-ssl-unverified-context
    return aiohttp.TCPConnector(verify_ssl=False)


def client_context(verify):
    ctx = ssl.create_default_context()
    if not verify:
        # ok: python-ssl-unverified-context
        ctx.check_hostname = False
        # ok: python-ssl-unverified-context
        ctx.verify_mode = ssl.CERT_NONE
    return ctx


class PolyfillContext:
    def __init__(self, protocol):
        self.protocol = protocol
        # ok: python-ssl-unverified-context
        self.check_hostname = False


def verified_context(cafile):
    # ok: python-ssl-unverified-context
    ctx = ssl.create_default_context(cafile=cafile)
    # ok: python-ssl-unverified-context
    ctx.verify_mode = ssl.CERT_REQUIRED
    # ok: python-ssl-unverified-context
    ctx.check_hostname = True
    return ctx


def verified_pool():
    # ok: python-ssl-unverified-context
    return urllib3.PoolManager(cert_reqs="CERT_REQUIRED", timeout=5.0)


def server_context(cert, key):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    # ok: python-ssl-unverified-context
    ctx.verify_mode = ssl.CERT_OPTIONAL
    return ctx
