import { useMemo } from 'react';

export function SearchResults({ items, terms }: { items: { id: string; name: string }[]; terms: string[] }) {
  // ok: regex-compile-in-loop
  const patterns = useMemo(() => terms.map((t) => new RegExp(t, 'i')), [terms]);
  return (
    <ul>
      {items
        // ruleid: regex-compile-in-loop
        .filter((it) => terms.every((t) => new RegExp(t, 'i').test(it.name)))
        .map((it) => (
          <li key={it.id}>{highlight(it.name, terms)}</li>
        ))}
      {items.filter((it) => patterns.some((p) => p.test(it.name))).length}
    </ul>
  );
}

function highlight(name: string, terms: string[]): string {
  let out = name;
  for (const t of terms) {
    // ruleid: regex-compile-in-loop
    out = out.replace(new RegExp(t, 'gi'), (s) => s.toUpperCase());
  }
  // ok: regex-compile-in-loop
  const all = new RegExp(terms.join('|'), 'gi');
  // ruleid: regex-compile-in-loop
  terms.forEach((t) => console.log(RegExp(t).source));
  return out.replace(all, (s) => s);
}
