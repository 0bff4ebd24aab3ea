interface Template { subject: string; body: string }

export async function sendAll(urls: string[], template: Template, headers: Record<string, string>): Promise<void> {
  for (const url of urls) {
    // ruleid: json-in-loop
    await fetch(url, { method: 'POST', body: JSON.stringify(template), headers });
  }
  // ruleid: json-in-loop
  urls.forEach((u) => void navigator.sendBeacon(u, JSON.stringify(headers)));
  const raw = '{"retries":3}';
  for (let i = 0; i < urls.length; i++) {
    // ruleid: json-in-loop
    const cfg = JSON.parse(raw) as { retries: number };
    void cfg;
  }
}

export async function sendEach(messages: Template[]): Promise<void> {
  for (const m of messages) {
    // ok: json-in-loop
    await fetch('/notify', { method: 'POST', body: JSON.stringify(m) });
  }
  const state: Record<string, string> = {};
  for (const m of messages) {
    state.last = m.subject;
    // ok: json-in-loop
    console.log(JSON.stringify(state));
  }
  // ok: json-in-loop
  const body = JSON.stringify({ count: messages.length });
  for (const _ of messages) await fetch('/notify', { method: 'POST', body });
}
