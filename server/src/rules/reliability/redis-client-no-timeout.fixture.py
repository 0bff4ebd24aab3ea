import os

import redis
from redis import Redis

SETTINGS = {"host": "redis", "socket_timeout": 0.5}

# ruleid: redis-client-no-timeout
sessions = redis.Redis(host="redis", port=6379, db=0)
# ruleid: redis-client-no-timeout
cache = redis.from_url(os.environ["REDIS_URL"])
# ruleid: redis-client-no-timeout
limits = Redis(host="redis", decode_responses=True)
# ruleid: redis-client-no-timeout
legacy = redis.StrictRedis("redis", 6379)
# ok: redis-client-no-timeout
fast = redis.Redis(host="redis", socket_timeout=0.5, socket_connect_timeout=1)
# ok: redis-client-no-timeout
pooled = redis.Redis(connection_pool=redis.ConnectionPool(host="redis", socket_timeout=1))
# ok: redis-client-no-timeout
configured = redis.Redis(**SETTINGS)
# ok: redis-client-no-timeout
url_client = redis.from_url(os.environ["REDIS_URL"], socket_timeout=1.0)
