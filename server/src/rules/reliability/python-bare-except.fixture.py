import logging

import requests

log = logging.getLogger(__name__)


def publish_event(url, event):
    try:
        requests.post(url, json=event, timeout=3)
    # ruleid: python-bare-except
    except:
        pass
    try:
        requests.post(url, json=event, timeout=3)
    # ruleid: python-bare-except
    except Exception:
        pass
    for attempt in range(3):
        try:
            requests.post(url, json=event, timeout=3)
        # ruleid: python-bare-except
        except (ValueError, BaseException) as e:
            continue
    try:
        requests.post(url, json=event, timeout=3)
    # ruleid: python-bare-except
    except:
        log.warning("publish failed")
    try:
        requests.post(url, json=event, timeout=3)
    # ok: python-bare-except
    except requests.RequestException as e:
        log.warning("could not publish event: %s", e)
    try:
        requests.post(url, json=event, timeout=3)
    # ok: python-bare-except
    except Exception:
        log.exception("publish failed")
    try:
        requests.post(url, json=event, timeout=3)
    # ok: python-bare-except
    except:
        log.error("publish failed, re-raising")
        raise
    try:
        import ujson as json
    # ok: python-bare-except
    except ImportError:
        pass
