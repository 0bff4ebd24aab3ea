// Bundles client, server, CLI and bench with esbuild into dist/, and copies the tree-sitter grammars named in
// grammars/manifest.json from their npm packages into grammars/ (checking each package's version against the manifest).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { policyValidatorSource } from './policy-validator.mjs';

const root = path.resolve(import.meta.dirname, '..');
const watch = process.argv.includes('--watch');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function copyGrammars() {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'grammars/manifest.json'), 'utf8'));
  for (const [file, entry] of Object.entries(manifest)) {
    if (file.startsWith('$')) continue;
    // The grammar packages do not export their .wasm files (nor always package.json): locate them by path.
    const pkgDir = path.join(root, 'node_modules', entry.package);
    const { version } = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
    if (version !== entry.version) {
      throw new Error(`grammars/manifest.json wants ${entry.package}@${entry.version} but ${version} is installed; run npm ci or update the manifest`);
    }
    const src = path.join(pkgDir, entry.path);
    const dst = path.join(root, 'grammars', file);
    if (!fs.existsSync(dst) || fs.statSync(dst).size !== fs.statSync(src).size) fs.copyFileSync(src, dst);
  }
}

/**
 * Edits to web-tree-sitter's JavaScript glue, which runs for every node a query match or a rule touches. Each was
 * measured with a CPU profile of `genai4dfx check` over the bench corpus (0.27.2) and kept only if the scan got faster
 * with identical findings. The build fails if a text is not found (a new version: re-measure, re-check).
 *
 * - getValue/setValue: a string switch per call, almost all for "i32" (220 ms of 4.4 s): the i32 case first.
 * - Node's handle lived in an element, `this[0]` (plus a class field `[0] = 0`): an elements store allocated for every
 *   new Node (258 ms; the Node constructor still cost 153 ms self after the field went). It is a named property now,
 *   and the constructor sets every field once, in one order, so all Nodes share one shape.
 * - `#match?` built a named closure (`__name`, a defineProperty) on every predicate test (42 ms).
 * The last two together: 3.91 -> 3.64 s (median of five interleaved runs on the bench corpus).
 * - The parse callback copied each 10 KB chunk of text into WASM memory a character at a time through a DataView
 *   (28 ms per scan of the spec corpus): Node's Buffer writes the same UTF-16 units (little-endian, as WASM is) natively.
 */
const TREE_SITTER_PATCHES = [
  [
    'function getValue(ptr, type = "i8") {\n',
    'function getValue(ptr, type = "i8") {\n          if (type === "i32") return HEAP_DATA_VIEW.getInt32((ptr >> 2) * 4, true);\n',
  ],
  [
    'function setValue(ptr, value, type = "i8") {\n',
    'function setValue(ptr, value, type = "i8") {\n          if (type === "i32") return void HEAP_DATA_VIEW.setInt32((ptr >> 2) * 4, value, true);\n',
  ],
  [
    '    __name(this, "Node");\n  }\n  /** @internal */\n  // @ts-expect-error: never read\n  [0] = 0;\n  // Internal handle for Wasm\n  /** @internal */\n  _children;\n  /** @internal */\n  _namedChildren;\n',
    '    __name(this, "Node");\n  }\n',
  ],
  [
    '    assertInternal(internal);\n    this[0] = other;\n    this.id = id;\n    this.tree = tree;\n    this.startIndex = startIndex;\n    this.startPosition = startPosition;\n  }\n',
    '    assertInternal(internal);\n    this._handle = other;\n    this.id = id;\n    this.tree = tree;\n    this.startIndex = startIndex;\n    this.startPosition = startPosition;\n'
      + '    this._children = void 0;\n    this._namedChildren = void 0;\n  }\n',
  ],
  ['  id;\n  /** The byte index where this node starts. */\n  startIndex;\n  /** The position where this node starts. */\n  startPosition;\n  /** The tree that this node belongs to. */\n  tree;\n', ''],
  ['  C.setValue(address, node[0], "i32");\n', '  C.setValue(address, node._handle, "i32");\n'],
  [
    '    const test = /* @__PURE__ */ __name((text, positive) => {\n      return positive ? regex.test(text) : !regex.test(text);\n    }, "test");\n',
    '    const test = (text, positive) => positive ? regex.test(text) : !regex.test(text);\n',
  ],
  [
    '            setValue(lengthAddress, string.length, "i32");\n            stringToUTF16(string, inputBufferAddress, INPUT_BUFFER_SIZE);\n',
    '            setValue(lengthAddress, string.length, "i32");\n'
      + '            const n = Math.min(string.length, INPUT_BUFFER_SIZE / 2 - 1);\n'
      + '            Buffer.from(HEAPU8.buffer, inputBufferAddress, INPUT_BUFFER_SIZE).write(n < string.length ? string.slice(0, n) : string, 0, 2 * n, "utf16le");\n'
      + '            HEAPU8[inputBufferAddress + 2 * n] = 0;\n            HEAPU8[inputBufferAddress + 2 * n + 1] = 0;\n',
  ],
];

const patchTreeSitter = {
  name: 'patch-web-tree-sitter',
  setup(build) {
    build.onLoad({ filter: /web-tree-sitter[\\/]web-tree-sitter\.cjs$/ }, (args) => {
      let text = fs.readFileSync(args.path, 'utf8');
      for (const [from, to] of TREE_SITTER_PATCHES) {
        if (text.split(from).length !== 2) throw new Error(`web-tree-sitter changed: cannot apply the build patch at ${JSON.stringify(from.slice(0, 60))} (scripts/build.mjs)`);
        text = text.replace(from, to);
      }
      return { contents: text, loader: 'js' };
    });
  },
};

/** The policy schema's validator, compiled here rather than at every start (scripts/policy-validator.mjs). */
const precompiledPolicy = {
  name: 'precompiled-policy-validator',
  setup(build) {
    build.onLoad({ filter: /server[\\/]src[\\/]policy[\\/]precompiled\.ts$/ }, () => ({ contents: policyValidatorSource(root), loader: 'js', resolveDir: root }));
  },
};

/**
 * The CLI's run commands and AI actions ship as bundles of their own, loaded only when asked for: with the Kubernetes
 * client, undici and openai they are 9 of the CLI's 10 MB, and Node parsed all of it before every `check` (75 ms of a
 * 145 ms start). cli.ts imports them as usual (so running from source needs no build); in dist/cli.js the imports
 * become requires of the sibling bundles.
 */
const SPLIT = { './cli/runs': './cli-runs.js', './ai/cli-ai': './cli-ai.js' };
const splitCli = {
  name: 'split-cli',
  setup(build) {
    build.onResolve({ filter: /^\.\/(cli\/runs|ai\/cli-ai)$/ }, (args) => (/[\\/]server[\\/]src[\\/]cli\.ts$/.test(args.importer) ? { path: SPLIT[args.path], external: true } : undefined));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['vscode'],
  // web-tree-sitter's ESM build reads import.meta.url, which a CJS bundle does not have: bundle its CJS build.
  // @kubernetes/client-node 2 depends on undici 8, which needs Node >= 22.19 and crashes on load under Node 20 (and the
  // Node of VS Code's Electron): bundle the workspace's undici 7 instead (Node >= 20.18, the same Agent/ProxyAgent/fetch).
  alias: {
    'web-tree-sitter': path.join(root, 'node_modules/web-tree-sitter/web-tree-sitter.cjs'),
    undici: path.join(root, 'node_modules/undici'),
  },
  define: { 'process.env.GENAI4DFX_VERSION': JSON.stringify(pkg.version) },
  plugins: [patchTreeSitter, precompiledPolicy],
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [...common.plugins, splitCli] },
  { entryPoints: ['server/src/cli/runs-bundle.ts'], outfile: 'dist/cli-runs.js' },
  { entryPoints: ['server/src/ai/cli-ai-bundle.ts'], outfile: 'dist/cli-ai.js' },
  { entryPoints: ['test/bench/bench.ts'], outfile: 'dist/bench.js' },
].filter((e) => fs.existsSync(path.join(root, e.entryPoints[0])));

copyGrammars();
if (watch) {
  for (const e of entries) await (await esbuild.context({ ...common, ...e, absWorkingDir: root })).watch();
  console.log('watching…');
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e, absWorkingDir: root })));
  if (fs.existsSync(path.join(root, 'dist/cli.js'))) fs.chmodSync(path.join(root, 'dist/cli.js'), 0o755);
}
