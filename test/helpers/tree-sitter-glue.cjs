// The unit tests run the engine from source, where `web-tree-sitter` is the package's own glue. Give them the glue the
// bundles ship instead (scripts/tree-sitter-patches.cjs): the same edits, applied as the module loads.
'use strict';
const Module = require('node:module');
const { patchTreeSitterGlue } = require('../../scripts/tree-sitter-patches.cjs');

const compile = Module.prototype._compile;
Module.prototype._compile = function (content, filename) {
  return compile.call(this, /web-tree-sitter[\\/]web-tree-sitter\.cjs$/.test(filename) ? patchTreeSitterGlue(content) : content, filename);
};
