import { useEffect, useState } from 'react';

export function Cart({ userId }: { userId: string }) {
  const [items, setItems] = useState<string[]>([]);
  useEffect(() => {
    // ruleid: js-fetch-no-timeout
    fetch(`/api/cart?user=${userId}`, { signal: AbortSignal.timeout(10000) })
      .then((r) => r.json())
      .then(setItems);
  }, [userId]);
  useEffect(() => {
    const controller = new AbortController();
    // ok: js-fetch-no-timeout
    fetch('/api/promos', { signal: controller.signal }).catch(() => undefined);
    return () => controller.abort();
  }, []);
  return <ul>{items.map((i) => <li key={i}>{i}</li>)}</ul>;
}

export async function RecommendationsPanel({ userId }: { userId: string }) {
  // ruleid: js-fetch-no-timeout
  const res = await fetch(`http://recommender/recommendations?user=${userId}`, { cache: 'no-store', signal: AbortSignal.timeout(10000) });
  // ruleid: js-fetch-no-timeout
  const more = await window.fetch('/api/more', { signal: AbortSignal.timeout(10000) });
  // ok: js-fetch-no-timeout
  const fast = await fetch('/api/fast', { signal: AbortSignal.timeout(1000), cache: 'no-store' });
  // ok: js-fetch-no-timeout
  const label = <Fetch url="/api/cart" />;
  const data = (await res.json()) as { items: string[] };
  return <section>{label}{data.items.length}{String(more.ok && fast.ok)}</section>;
}
