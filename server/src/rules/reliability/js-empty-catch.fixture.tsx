import { useEffect, useState } from 'react';

export function Profile({ id }: { id: string }) {
  const [name, setName] = useState('');
  useEffect(() => {
    try {
      setName(localStorage.getItem(`profile:${id}`) ?? '');
    // ruleid: js-empty-catch
    } catch (e) {}
    try {
      localStorage.setItem('seen', '1');
    // ruleid: js-empty-catch
    } catch {}
    try {
      window.history.replaceState(null, '', `/p/${id}`);
    // ruleid: js-empty-catch
    } catch (err) {
    }
    try {
      sessionStorage.clear();
    // ok: js-empty-catch
    } catch { /* private mode: storage is not available */ }
    try {
      setName(JSON.parse(localStorage.getItem('name') ?? '""') as string);
    // ok: js-empty-catch
    } catch (err) {
      console.error('bad cached name', err);
    }
    try {
      navigator.vibrate(10);
    // ok: js-empty-catch
    } catch (err) {
      // not supported on desktop
    }
  }, [id]);
  return <h1>{name}</h1>;
}
