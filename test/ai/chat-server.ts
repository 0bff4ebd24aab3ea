// A local HTTP server that speaks the OpenAI chat completions wire format, answering from a script and recording every
// request: the stand-in model of the AI tests (no network).
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  headers: http.IncomingHttpHeaders;
  body: { model: string; messages: { role: string; content: string }[] };
}
export type Reply = { status: number; content?: string; hang?: boolean };

/** A chat completions server answering from a script, recording every request. */
export async function fakeServer(script: Reply[]): Promise<{ url: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', () => {
      seen.push({ headers: req.headers, body: JSON.parse(raw) as Seen['body'] });
      const r = script.shift() ?? { status: 500 };
      if (r.hang) return;
      res.writeHead(r.status, { 'content-type': 'application/json' });
      if (r.status !== 200) {
        res.end(JSON.stringify({ error: { message: r.status === 429 ? 'Rate limit reached' : 'upstream failed', type: 'error' } }));
        return;
      }
      res.end(JSON.stringify({
        id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'test-model-0613',
        choices: [{ index: 0, message: { role: 'assistant', content: r.content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    seen,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
