import urllib.request
from urllib.request import urlopen

import aiohttp
import httpx
import urllib3
from aiohttp import ClientSession

PRICING = "http://pricing:8080"


async def prices(skus, opts):
    # ruleid: python-http-client-no-timeout
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{PRICING}/prices", params={"sku": skus}) as resp:
            data = await resp.json()
    # ruleid: python-http-client-no-timeout
    async with ClientSession(headers={"x-service": "cart"}) as s:
        await s.post(f"{PRICING}/seen", json=skus)
    # ruleid: python-http-client-no-timeout
    async with httpx.AsyncClient(base_url=PRICING, timeout=None) as client:
        await client.get("/health")
    # ok: python-http-client-no-timeout
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
        await session.get(PRICING)
    # ok: python-http-client-no-timeout
    async with httpx.AsyncClient(base_url=PRICING) as client:
        await client.get("/health")
    # ok: python-http-client-no-timeout
    async with aiohttp.ClientSession(**opts) as session:
        await session.get(PRICING)
    return data


def legacy(path, body):
    # ruleid: python-http-client-no-timeout
    with urllib.request.urlopen(f"{PRICING}{path}", timeout=10) as resp:
        raw = resp.read()
    # ruleid: python-http-client-no-timeout
    urlopen(f"{PRICING}{path}", body, timeout=10)
    # ruleid: python-http-client-no-timeout
    pool = urllib3.PoolManager(num_pools=4, timeout=10)
    # ruleid: python-http-client-no-timeout
    httpx.get(f"{PRICING}{path}", timeout=None)
    # ruleid: python-http-client-no-timeout
    proxied = urllib3.ProxyManager(
        "http://proxy:3128",
        num_pools=2,  # one per upstream
        timeout=10,
    )
    # ruleid: python-http-client-no-timeout
    bare = urllib3.PoolManager(timeout=10)
    # ok: python-http-client-no-timeout
    urlopen(f"{PRICING}{path}", body, 10)
    # ok: python-http-client-no-timeout
    urllib.request.urlopen(f"{PRICING}{path}", timeout=5)
    # ok: python-http-client-no-timeout
    safe = urllib3.PoolManager(timeout=urllib3.Timeout(connect=2.0, read=5.0))
    # ok: python-http-client-no-timeout
    httpx.get(f"{PRICING}{path}")
    return raw, pool, safe, proxied, bare
