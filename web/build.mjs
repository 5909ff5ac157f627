// Bundles the playground into build/web/ with esbuild: app.js + app.css (the page), worker.js (the
// engine worker, with the Emscripten glue from build/anole.mjs inside), index.html, anole.wasm, and
// the embedding for tutorial pages: embed.js + embed.css (web/embed.js) with its demo embed.html.
// Run by `./build.sh web`, which builds build/anole.mjs and build/anole.wasm first.

import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'build', 'web');

// ANOLE_EXAMPLES_DIR replaces examples/ (for building against stand-in example programs).
const examplesDir = process.env.ANOLE_EXAMPLES_DIR ? path.resolve(process.env.ANOLE_EXAMPLES_DIR) : path.join(root, 'examples');

// The Examples menu: `import examples from 'anole:examples'` is every examples/*.py as
// [{ name, source }], fahrenheit.py first (the page's default), then by name.
function examplesModule() {
  const names = readdirSync(examplesDir).filter((name) => name.endsWith('.py')).sort();
  names.sort((a, b) => (b === 'fahrenheit.py') - (a === 'fahrenheit.py'));
  const examples = names.map((name) => ({ name, source: readFileSync(path.join(examplesDir, name), 'utf8') }));
  return { contents: `export default ${JSON.stringify(examples)};`, loader: 'js', watchFiles: names.map((name) => path.join(examplesDir, name)) };
}

const examplesPlugin = {
  name: 'anole-examples',
  setup(build) {
    build.onResolve({ filter: /^anole:examples$/ }, () => ({ path: 'examples', namespace: 'anole-examples' }));
    build.onLoad({ filter: /.*/, namespace: 'anole-examples' }, examplesModule);
    build.onResolve({ filter: /(^|\/)examples\/[^/]+\.py$/ }, (args) => {
      const file = path.join(examplesDir, path.basename(args.path));
      if (!existsSync(file)) {
        return { errors: [{ text: `${file} does not exist; the page preloads it into the editor` }] };
      }
      return { path: file };
    });
  },
};

for (const artifact of ['anole.mjs', 'anole.wasm']) {
  if (!existsSync(path.join(root, 'build', artifact))) {
    console.error(`web/build.mjs: build/${artifact} is missing; run ./build.sh wasm first`);
    process.exit(1);
  }
}

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

await esbuild.build({
  absWorkingDir: root,
  entryPoints: { app: 'web/main.js', worker: 'web/worker.js', embed: 'web/embed.js' },
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2020'],
  minify: true,
  sourcemap: true,
  // web/anole.mjs reads the .wasm from disk under Node only, through a dynamic import the browser
  // never reaches.
  external: ['node:*'],
  loader: { '.py': 'text' },
  plugins: [examplesPlugin],
  logLevel: 'warning',
});

copyFileSync(path.join(root, 'web', 'index.html'), path.join(outdir, 'index.html'));
copyFileSync(path.join(root, 'web', 'embed.html'), path.join(outdir, 'embed.html'));
copyFileSync(path.join(root, 'build', 'anole.wasm'), path.join(outdir, 'anole.wasm'));
console.log(`web/build.mjs: wrote ${path.relative(root, outdir)}/`);
