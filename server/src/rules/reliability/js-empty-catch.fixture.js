import { promises as fs } from 'node:fs';

export async function loadConfig(path: string, log) {
  let raw = '{}';
  try {
    raw = await fs.readFile(path, 'utf8');
  // ruleid: js-empty-catch
  } catch (err) {}
  try {
    return JSON.parse(raw);
  // ruleid: js-empty-catch
  } catch {
  }
  try {
    await fs.unlink(`${path}.lock`);
  // ruleid: js-empty-catch
  } catch (e) { }
  try {
    await fs.rm(`${path}.tmp`);
  // ok: js-empty-catch
  } catch { /* already gone: nothing to clean up */ }
  try {
    await fs.access(path);
  // ok: js-empty-catch
  } catch (err) {
    log.warn({ err, path }, 'config missing; using defaults');
  }
  try {
    await fs.mkdir('/tmp/cache');
  // ok: js-empty-catch
  } catch (err) {
    // EEXIST is fine: another worker created it first
  }
  // ok: js-empty-catch
  fs.stat(path).catch(() => undefined);
  return {};
}
