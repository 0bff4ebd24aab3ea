// Bundles client, server, CLI and bench with esbuild into dist/, and copies the tree-sitter grammars named in
// grammars/manifest.json from their npm packages into grammars/ (checking each package's version against the manifest).
// Then compiles the rule catalogue's queries and saves them beside the grammars (scripts/snapshot-queries.ts).
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { policyValidatorSource } from './policy-validator.mjs';
import glue from './tree-sitter-patches.cjs';

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

/** web-tree-sitter's glue with the edits of scripts/tree-sitter-patches.cjs. */
const patchTreeSitter = {
  name: 'patch-web-tree-sitter',
  setup(build) {
    build.onLoad({ filter: /web-tree-sitter[\\/]web-tree-sitter\.cjs$/ }, (args) => {
      return { contents: glue.patchTreeSitterGlue(fs.readFileSync(args.path, 'utf8')), loader: 'js' };
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
  // GENAI4DFX_BUILD tells this build's bundles from another's: the gate analyses in the query snapshots are used only
  // by the bundles of the build that wrote them (server/src/engine/query-snapshot.ts).
  define: { 'process.env.GENAI4DFX_VERSION': JSON.stringify(pkg.version), 'process.env.GENAI4DFX_BUILD': JSON.stringify(`${Date.now().toString(36)}-${process.pid}`) },
  plugins: [patchTreeSitter, precompiledPolicy],
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [...common.plugins, splitCli] },
  { entryPoints: ['server/src/cli/runs-bundle.ts'], outfile: 'dist/cli-runs.js' },
  { entryPoints: ['server/src/ai/cli-ai-bundle.ts'], outfile: 'dist/cli-ai.js' },
  { entryPoints: ['test/bench/bench.ts'], outfile: 'dist/bench.js' },
  { entryPoints: ['scripts/snapshot-queries.ts'], outfile: 'dist/snapshot-queries.js' },
].filter((e) => fs.existsSync(path.join(root, e.entryPoints[0])));

copyGrammars();
if (watch) {
  for (const e of entries) await (await esbuild.context({ ...common, ...e, absWorkingDir: root })).watch();
  console.log('watching…');
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e, absWorkingDir: root })));
  if (fs.existsSync(path.join(root, 'dist/cli.js'))) fs.chmodSync(path.join(root, 'dist/cli.js'), 0o755);
  // The queries as this build's bundles and grammars compile them; restored instead of compiled at run time.
  execFileSync(process.execPath, [path.join(root, 'dist/snapshot-queries.js'), path.join(root, 'grammars')], { stdio: 'inherit', cwd: root });
}
