import { describe, expect, it } from 'vitest';
import axios from 'axios';
import { repoStars } from '../src/github';

describe('github', () => {
  it('reads stars', async () => {
    // ruleid: network-in-unit-test
    const res = await fetch('https://api.github.com/repos/microsoft/vscode');
    expect(repoStars(await res.json())).toBeGreaterThan(0);
  });

  it('reads the status page', async () => {
    // ruleid: network-in-unit-test
    const { status } = await axios.get(`https://status.example-payments.io/v1/health?t=${Date.now()}`);
    expect(status).toBe(200);
    // ruleid: network-in-unit-test
    const ws = new WebSocket('wss://stream.example-payments.io/orders');
    ws.close();
  });

  it('uses a local server', async () => {
    // ok: network-in-unit-test
    const res = await fetch('http://127.0.0.1:4000/healthz');
    expect(res.ok).toBe(true);
    // ok: network-in-unit-test
    expect(repoStars({ html_url: 'https://github.com/microsoft/vscode', stargazers_count: 1 })).toBe(1);
    // ok: network-in-unit-test
    await fetch('https://api.example.com/v1/orders').catch(() => undefined);
  });
});
