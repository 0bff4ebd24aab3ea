import asyncio
import subprocess
import time

import httpx
import requests
from aiohttp import web

CONFIG_URL = "https://config.internal/v1/flags"


async def fetch_flags(request: web.Request) -> web.Response:
    # ruleid: sync-io-in-async
    resp = requests.get(CONFIG_URL, timeout=5)
    return web.json_response(resp.json())


async def retry_publish(queue, message):
    for attempt in range(3):
        try:
            return await queue.publish(message)
        except ConnectionError:
            # ruleid: sync-io-in-async
            await asyncio.sleep(2 ** attempt)


async def render_thumbnail(path: str) -> bytes:
    # ruleid: sync-io-in-async
    return subprocess.check_output(["convert", path, "-resize", "128x128", "png:-"])


async def fetch_flags_async() -> dict:
    async with httpx.AsyncClient(timeout=5) as client:
        # ok: sync-io-in-async
        resp = await client.get(CONFIG_URL)
        return resp.json()


async def backoff(attempt: int) -> None:
    # ok: sync-io-in-async
    await asyncio.sleep(2 ** attempt)


def load_flags_at_startup() -> dict:
    # ok: sync-io-in-async
    return requests.get(CONFIG_URL, timeout=5).json()


async def thumbnail_in_thread(path: str) -> bytes:
    def run() -> bytes:
        # ok: sync-io-in-async
        return subprocess.check_output(["convert", path, "png:-"])

    return await asyncio.to_thread(run)
