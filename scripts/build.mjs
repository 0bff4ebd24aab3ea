// Bundles client, server, CLI and bench with esbuild into dist/, and copies the tree-sitter grammars named in
// grammars/manifest.json from their npm packages into grammars/ (checking each package's version against the manifest).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

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
 * Two edits to web-tree-sitter's JavaScript glue, which runs for every node a query match or a rule touches. Measured
 * with a CPU profile of `genai4dfx check` over the bench corpus (0.27.2): the class field `[0] = 0` on Node cost
 * 258 ms of 4.4 s (an element defined on every new Node; the constructor assigns `this[0]` anyway), and the generic
 * getValue/setValue (a string switch per call) 220 ms, almost all for "i32". Same results, less work: the i32 case
 * first, and no field initialiser. The build fails if the text is not found (a new version: re-measure, re-check).
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
    '    __name(this, "Node");\n  }\n  /** @internal */\n  // @ts-expect-error: never read\n  [0] = 0;\n',
    '    __name(this, "Node");\n  }\n',
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
  plugins: [patchTreeSitter],
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
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
