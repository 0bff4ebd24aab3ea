import json


def send_all(session, urls, template, headers):
    for url in urls:
        # ruleid: json-in-loop
        session.post(url, data=json.dumps(template), headers=headers)
    # ruleid: json-in-loop
    payloads = [json.dumps(template["body"]) + u for u in urls]
    raw = '{"retries": 3}'
    for _ in urls:
        # ruleid: json-in-loop
        cfg = json.loads(raw)
    return payloads, cfg


def send_each(session, messages):
    for m in messages:
        # ok: json-in-loop
        session.post("/notify", data=json.dumps(m))
    state = {}
    for m in messages:
        state["last"] = m["id"]
        # ok: json-in-loop
        snapshot = json.dumps(state)
    # ok: json-in-loop
    body = json.dumps({"count": len(messages)})
    for _ in messages:
        session.post("/notify", data=body)
    return snapshot
