"""The Redis cache with a client per pool (civiclearn/redis_cache.py), against the Redis the machine
runs (the test settings use memory caches; this one is made here)."""

import threading

import pytest
import redis

from civiclearn.redis_cache import RedisCache

URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def cache():
    try:
        redis.Redis.from_url(URL).ping()
    except redis.exceptions.ConnectionError:
        pytest.fail(f"these tests need the Redis at {URL} (a local service on this machine and in CI)")
    made = RedisCache(URL, {"KEY_PREFIX": "civiclearn-test"})
    made.clear()
    yield made
    made.clear()


def test_it_keeps_and_gives_back_what_django_s_redis_cache_does(cache):
    cache.set("answer", {"score": 1.0}, 30)
    assert cache.get("answer") == {"score": 1.0}
    assert cache.add("answer", "other") is False
    cache.set("n", 1)
    assert cache.incr("n") == 2
    cache.delete("answer")
    assert cache.get("answer", "gone") == "gone"


def test_every_call_uses_one_client_made_once(cache):
    client = cache._cache.get_client()
    cache.set("a", 1)
    cache.get("a")
    assert cache._cache.get_client(write=True) is client and cache._cache.get_client() is client


def test_threads_share_the_client_and_see_each_other_s_writes(cache):
    def write(n):
        for i in range(50):
            cache.set(f"k{n}-{i}", i)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(cache.get(f"k{n}-49") == 49 for n in range(4))
