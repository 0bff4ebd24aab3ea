import { readFileSync } from 'node:fs';



export function loadSettings(path) {
  let raw;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    console.error(`cannot read ${path}`, err);
    // ruleid: exit-in-library-code
    process.exit(1);
  }
  const parsed = JSON.parse(raw);
  if (!parsed.dbUrl) {
    // ruleid: exit-in-library-code
    process.exit(2);
  }
  if (!parsed.port) {
    // ruleid: exit-in-library-code
    process.abort();
  }
  // ok: exit-in-library-code
  process.exitCode = 0;
  return parsed;
}

export function onShutdown(close) {
  process.once('SIGTERM', () => {
    // ok: exit-in-library-code
    close().then(() => process.exit(0), () => process.exit(1));
  });
}

export function fail(message) {
  // ok: exit-in-library-code
  throw new Error(message);
}
