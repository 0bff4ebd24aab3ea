import asyncio
import threading

import httpx


async def fetch_all(client: httpx.AsyncClient, urls):
    # ruleid: unbounded-fan-out
    return await asyncio.gather(*[client.get(u) for u in urls])


async def refresh_all(ids):
    # ruleid: unbounded-fan-out
    await asyncio.gather(*(refresh(i) for i in ids))


def notify(users):
    threads = []
    for user in users:
        # ruleid: unbounded-fan-out
        t = threading.Thread(target=send_email, args=(user,))
        t.start()
        threads.append(t)
    for t in threads:
        t.join()


async def fetch_limited(client, urls):
    sem = asyncio.Semaphore(16)

    async def one(u):
        async with sem:
            return await client.get(u)

    # ok: unbounded-fan-out
    return await asyncio.gather(*[one(u) for u in urls])


async def warm_up():
    # ok: unbounded-fan-out
    await asyncio.gather(*[ping(i) for i in range(4)])


def start_workers(queue, workers=8):
    for _ in range(workers):
        # ok: unbounded-fan-out
        threading.Thread(target=work, args=(queue,), daemon=True).start()
