import { useState } from 'react';

export function Countdown({ endsAt }: { endsAt: number }) {
  // ruleid: direct-clock-call
  const [left] = useState(() => endsAt - Date.now());
  // ok: direct-clock-call
  const ends = new Date(endsAt);
  return <span title={ends.toISOString()}>{Math.round(left / 1000)}s</span>;
}

export function Footer() {
  // ruleid: direct-clock-call
  const year = new Date().getFullYear();
  return <footer>© {year} Shop</footer>;
}

// ok: direct-clock-call
export function OfferBanner({ now = Date.now() }: { now?: number }) {
  // ruleid: direct-clock-call
  const created = Date.now();
  // ok: direct-clock-call
  const today = new Date(now);
  return <p data-created={created}>Offer valid until {today.toDateString()}</p>;
}

export function Greeting({ clock }: { clock: () => Date }) {
  // ok: direct-clock-call
  const hour = clock().getHours();
  return <h1>{hour < 12 ? 'Good morning' : 'Hello'}</h1>;
}
