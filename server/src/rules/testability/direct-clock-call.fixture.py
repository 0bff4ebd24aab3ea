import datetime as dt
import time
from datetime import date, datetime, timedelta

STARTED = time.time()


def current_season():
    # ruleid: direct-clock-call
    month = datetime.now().month
    return "winter" if month in (11, 12, 1, 2) else "summer"


def cached(entry, ttl):
    # ruleid: direct-clock-call
    return entry and time.time() - entry["at"] < ttl


def offer_ends():
    # ruleid: direct-clock-call
    return dt.datetime.utcnow() + timedelta(hours=24)


def birthday_today(user):
    # ruleid: direct-clock-call
    return user.birthday == date.today()


def offer_ends_injected(now=None):
    # ok: direct-clock-call
    now = now or datetime.now()
    return now + timedelta(hours=24)


def expires(clock=datetime.now):
    # ok: direct-clock-call
    return clock() + timedelta(days=7)


def opening_time():
    # ok: direct-clock-call
    return datetime.time(9, 30)


def now():
    # ok: direct-clock-call
    return datetime.now(dt.timezone.utc)


if __name__ == "__main__":
    # ok: direct-clock-call
    print("started", datetime.now())
