import asyncio
import threading
import time

import pytest

from shop.worker import Queue, Worker


def test_worker_processes_queue():
    q = Queue()
    w = Worker(q).start()
    q.push({"id": 1})
    # ruleid: sleep-in-test
    time.sleep(0.5)
    assert w.processed == 1


class TestCache:
    def test_expiry(self, cache):
        cache.set("k", "v", ttl=0.05)
        # ruleid: sleep-in-test
        time.sleep(0.1)
        assert cache.get("k") is None


@pytest.mark.asyncio
async def test_async_publish(broker):
    await broker.publish("orders", b"1")
    # ruleid: sleep-in-test
    await asyncio.sleep(1)
    assert broker.delivered == 1


def test_worker_eventually():
    q = Queue()
    w = Worker(q).start()
    q.push({"id": 1})
    deadline = time.monotonic() + 5
    while w.processed < 1 and time.monotonic() < deadline:
        # ok: sleep-in-test
        time.sleep(0.01)
    assert w.processed == 1


def test_slow_upstream(httpserver):
    def slow_handler(request):
        # ok: sleep-in-test
        time.sleep(0.2)
        return "ok"

    httpserver.expect_request("/").respond_with_handler(slow_handler)
    done = threading.Event()
    assert not done.wait(0.01)


async def test_yields_to_loop(broker):
    # ok: sleep-in-test
    await asyncio.sleep(0)
    assert broker.ready
