import { useEffect } from 'react';

async function track(event: string): Promise<void> {
  await fetch('/api/track', { method: 'POST', body: event, signal: AbortSignal.timeout(1000) });
}

const save = async (draft: string): Promise<void> => {
  await fetch('/api/draft', { method: 'PUT', body: draft, signal: AbortSignal.timeout(2000) });
};

export function Editor({ draft }: { draft: string }) {
  useEffect(() => {
    // ruleid: js-floating-promise
    track('editor-open');
    // ruleid: js-floating-promise
    save(draft);
    // ruleid: js-floating-promise
    fetch('/api/presence', { signal: AbortSignal.timeout(1000) }).finally(() => console.log('presence sent'));
    // ok: js-floating-promise
    void track('editor-open');
    // ok: js-floating-promise
    save(draft).catch((err) => console.error('autosave failed', err));
    // ok: js-floating-promise
    console.info('editor open');
  }, [draft]);
  // ok: js-floating-promise
  return <textarea defaultValue={draft} onBlur={() => void save(draft)} />;
}
