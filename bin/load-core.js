// Loads the CLI's core (dist/cli/modpol.cjs) as `require` would, but with V8's code cache that the
// build writes beside it (scripts/code-cache.js): the core's 290 KB are then not parsed again in
// every run, nor are the functions a one-post run calls compiled again, about 13 ms of a one-post
// run's 75 ms over bare Node. Node 22 does this itself (module.enableCompileCache); Node 20, which
// modpol supports, does not, hence this file. Everything here falls back to a plain require: no
// cache, a cache that is not this source's or is damaged (its first 4 bytes are the CRC-32 of the
// source followed by V8's data: V8 checks only the source's length, and a release build of Node does
// not check its data, so a damaged cache would crash the process), or one V8 rejects (another Node
// version, other flags). A CRC, not a cryptographic hash: it is there to catch damage and a cache
// left from another source, and SHA-1 of the 600 KB cost about 1 ms of every run. A Node 20 older
// than 20.15 has no zlib.crc32: it runs without the cache.
"use strict";
const { readFileSync } = require("node:fs");
const Module = require("node:module");
const { dirname, join } = require("node:path");
const { pathToFileURL } = require("node:url");
const vm = require("node:vm");
const { crc32 } = require("node:zlib");

/** Where the core is, and where its code cache is. */
const CORE = join(__dirname, "..", "dist", "cli", "modpol.cjs");
const CACHE = `${CORE}.cache`;
const HASH_BYTES = 4;

/**
 * The core's exports, and how they were loaded (`cache`: "used", "rejected" by V8, or "none", for no
 * cache of this source). With `produce`, the script is compiled without a cache and returned beside
 * them, so that the caller can run what it wants warm and then take `script.createCachedData()`.
 * `core` and `cache` name other files (the tests load copies).
 */
function loadCore(produce = false, core = CORE, cache = `${core}.cache`) {
  const source = readFileSync(core);
  let cachedData;
  if (!produce && crc32 !== undefined) {
    try {
      const bytes = readFileSync(cache);
      const data = bytes.subarray(HASH_BYTES);
      if (bytes.length > HASH_BYTES && bytes.subarray(0, HASH_BYTES).equals(signature(source, data))) cachedData = data;
    } catch {
      // No cache (a build that did not make one): compiled from source, as require would.
    }
  }
  if (cachedData === undefined && !produce) return { core: require(core), cache: "none" };
  // Module.wrap's function, with one parameter more: the core's import() calls, made here (see the
  // end of scripts/bundle.js for why).
  const wrapped = `(function (exports, require, module, __filename, __dirname, __modpolHostImport) {${source.toString("utf8")}\n});`;
  const script = new vm.Script(wrapped, { filename: core, cachedData });
  const mod = new Module(core, module);
  mod.filename = core;
  mod.paths = Module._nodeModulePaths(dirname(core));
  // In require's cache, loaded: the chunks' `import … from "./modpol.cjs"` get this very instance.
  require.cache[core] = mod;
  const hostImport = (specifier) => import(specifier.startsWith("./") ? pathToFileURL(join(dirname(core), specifier)).href : specifier);
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(core), mod, core, dirname(core), hostImport);
  mod.loaded = true;
  return { core: mod.exports, cache: produce ? "none" : script.cachedDataRejected ? "rejected" : "used", script };
}

/** The first bytes of a cache file: what it was made from, and what it holds. */
function signature(source, data) {
  const bytes = Buffer.alloc(HASH_BYTES);
  bytes.writeUInt32LE(crc32(data, crc32(source)));
  return bytes;
}

/** The bytes of a cache file for `source`, from V8's `data` (scripts/code-cache.js); none without zlib.crc32. */
function cacheFile(source, data) {
  if (crc32 === undefined) return undefined;
  return Buffer.concat([signature(source, data), data]);
}

module.exports = { loadCore, cacheFile, CORE, CACHE };
