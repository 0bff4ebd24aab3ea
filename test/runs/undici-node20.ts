// Test-side twin of the esbuild alias in scripts/build.mjs: @kubernetes/client-node 2 depends on undici 8, which needs
// Node >= 22.19 and crashes on load under Node 20 (zlib.createZstdDecompress, worker_threads.markAsUncloneable). The
// bundle resolves `undici` to the workspace's undici 7 (Node >= 20.18, same Agent/ProxyAgent/fetch API); tests running
// the sources through tsx get the same resolution here. Import this first.
import Module from 'node:module';
import * as path from 'node:path';

const undici7 = path.resolve(__dirname, '../../node_modules/undici/index.js');
type Resolve = (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string;
const M = Module as unknown as { _resolveFilename: Resolve };
const original = M._resolveFilename;
if (!(original as { dfxUndici?: boolean }).dfxUndici) {
  const patched: Resolve = function (this: unknown, request, parent, ...rest) {
    if (request === 'undici' && parent?.filename?.includes(`${path.sep}@kubernetes${path.sep}client-node${path.sep}`)) return undici7;
    return original.call(this, request, parent, ...rest);
  };
  (patched as { dfxUndici?: boolean }).dfxUndici = true;
  M._resolveFilename = patched;
}
