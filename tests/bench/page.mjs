// The wasm module's costs in the playground page, measured in headless Chromium: compiling
// anole.wasm (the page does it once, streaming) and instantiating the compiled module (what
// every new engine worker does, e.g. after Stop). Used by run.mjs when Chromium and the built
// page are present; prints JSON when run alone:
//
//   node tests/bench/page.mjs [--runs N]
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function pageBenchAvailable() {
  return existsSync(path.join(ROOT, 'build', 'web', 'index.html')) && existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')
    && existsSync(path.join(ROOT, 'node_modules', 'playwright-core'));
}

// Median milliseconds of `runs` compiles and instantiations, each on a fresh page load.
export async function measurePage(runs = 5) {
  const { launchPlayground } = await import('../e2e/browser.mjs');
  const { url, context, close } = await launchPlayground('anole-bench-page-');
  try {
    const page = await context.newPage();
    const compile = [], instantiate = [];
    for (let i = 0; i < runs; i++) {
      await page.goto(url);
      const t = await page.evaluate(async () => {
        const t0 = performance.now();
        const module = await WebAssembly.compileStreaming(fetch('anole.wasm', { cache: 'no-store' }));
        const t1 = performance.now();
        // Stand-ins for Emscripten's imports: instantiation links them but this never runs code.
        const imports = {};
        for (const { module: from, name, kind } of WebAssembly.Module.imports(module)) {
          imports[from] ??= {};
          if (kind === 'function') imports[from][name] = () => 0;
          else if (kind === 'memory') imports[from][name] = new WebAssembly.Memory({ initial: 512 });
          else if (kind === 'table') imports[from][name] = new WebAssembly.Table({ initial: 4096, element: 'anyfunc' });
          else imports[from][name] = new WebAssembly.Global({ value: 'i32', mutable: true }, 0);
        }
        const t2 = performance.now();
        await WebAssembly.instantiate(module, imports);
        return { compile: t1 - t0, instantiate: performance.now() - t2 };
      });
      compile.push(t.compile);
      instantiate.push(t.instantiate);
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return { compileMs: median(compile), instantiateMs: median(instantiate) };
  } finally {
    await close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--runs');
  console.log(JSON.stringify(await measurePage(i > 0 ? Number(process.argv[i + 1]) || 5 : 5)));
}
