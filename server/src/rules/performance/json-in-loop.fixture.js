

async function sendAll(urls, template, headers) {
  for (const url of urls) {
    // ruleid: json-in-loop
    await fetch(url, { method: 'POST', body: JSON.stringify(template), headers });
  }
  // ruleid: json-in-loop
  urls.forEach((u) => void navigator.sendBeacon(u, JSON.stringify(headers)));
  const raw = '{"retries":3}';
  for (let i = 0; i < urls.length; i++) {
    // ruleid: json-in-loop
    const cfg = JSON.parse(raw);
    void cfg;
  }
}

async function sendEach(messages) {
  for (const m of messages) {
    // ok: json-in-loop
    await fetch('/notify', { method: 'POST', body: JSON.stringify(m) });
  }
  const state = {};
  for (const m of messages) {
    state.last = m.subject;
    // ok: json-in-loop
    console.log(JSON.stringify(state));
  }
  // ok: json-in-loop
  const body = JSON.stringify({ count: messages.length });
  for (const _ of messages) await fetch('/notify', { method: 'POST', body });
}
module.exports = { sendAll, sendEach };
