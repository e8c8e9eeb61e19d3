/**
 * Bundles the Electron main process and the preload into dist/electron/*.cjs with esbuild.
 *
 * Main: electron/main/main.ts plus the core and server code it imports, as one CommonJS file;
 * npm packages stay external (electron-builder ships the production dependencies). A sandboxed
 * preload cannot load project files, so it is bundled with everything but `electron`.
 * The build fails when a bundle reaches for something the packaged app will not have.
 */
import { builtinModules } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type BuildOptions, type Metafile, type Plugin, build } from 'esbuild';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');

/** Externals the bundled main may require at run time without being a production dependency. */
const MAIN_RUNTIME_PROVIDED = new Set(['electron', 'pg-native']);

const toPosix = (p: string) => p.split(path.sep).join('/');

/**
 * CommonJS has no `import.meta`. Server code finds its files with `import.meta.dirname`, so each
 * source file gets it as the place it sits relative to the bundle — `server/version.ts` still
 * finds ../package.json, `server/http/app.ts` still finds ../../assets/models, in the project
 * folder and inside app.asar alike.
 */
function importMetaAsSourceLocation(outdir: string): Plugin {
  return {
    name: 'import-meta-as-source-location',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /\.(ts|mts|js|mjs)$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const source = await readFile(args.path, 'utf8');
        const loader = args.path.endsWith('ts') ? 'ts' : 'js';
        if (!source.includes('import.meta')) return { contents: source, loader };
        const file = JSON.stringify(toPosix(path.relative(outdir, args.path)));
        const dir = JSON.stringify(toPosix(path.relative(outdir, path.dirname(args.path))));
        const contents = source
          .replaceAll('import.meta.dirname', `require("node:path").join(__dirname, ${dir})`)
          .replaceAll('import.meta.filename', `require("node:path").join(__dirname, ${file})`)
          .replaceAll('import.meta.url', `require("node:url").pathToFileURL(require("node:path").join(__dirname, ${file})).href`);
        return { contents, loader };
      });
    },
  };
}

function packageNameOf(specifier: string): string {
  const [first = '', second = ''] = specifier.split('/');
  return first.startsWith('@') ? `${first}/${second}` : first;
}

const isBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(packageNameOf(specifier));

function externalImports(metafile: Metafile | undefined): string[] {
  if (!metafile) throw new Error('esbuild returned no metafile; the bundle cannot be checked');
  return [...new Set(Object.values(metafile.outputs).flatMap((output) => output.imports.filter((entry) => entry.external).map((entry) => entry.path)))].sort();
}

async function productionDependencies(): Promise<Set<string>> {
  const manifest = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  return new Set(Object.keys(manifest.dependencies ?? {}));
}

export interface ElectronBuildResult {
  readonly mainFile: string;
  readonly preloadFile: string;
}

export async function buildElectron(options: { outdir?: string } = {}): Promise<ElectronBuildResult> {
  const outdir = path.resolve(options.outdir ?? path.join(PROJECT_ROOT, 'dist', 'electron'));
  const common: BuildOptions = {
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  };
  const mainFile = path.join(outdir, 'main.cjs');
  const preloadFile = path.join(outdir, 'preload.cjs');

  const [main, preload] = await Promise.all([
    build({
      ...common,
      entryPoints: [path.join(PROJECT_ROOT, 'electron/main/main.ts')],
      outfile: mainFile,
      packages: 'external',
      external: ['electron', 'pg-native', 'node:*'],
      plugins: [importMetaAsSourceLocation(outdir)],
    }),
    build({
      ...common,
      entryPoints: [path.join(PROJECT_ROOT, 'electron/preload/preload.ts')],
      outfile: preloadFile,
      external: ['electron'],
    }),
  ]);

  const dependencies = await productionDependencies();
  const unshippable = externalImports(main.metafile).filter((specifier) => !isBuiltin(specifier) && !MAIN_RUNTIME_PROVIDED.has(specifier) && !dependencies.has(packageNameOf(specifier)));
  if (unshippable.length > 0) {
    throw new Error(`dist/electron/main.cjs requires ${unshippable.join(', ')}, which the packaged app will not contain: move it to "dependencies" in package.json, or stop importing it from main-process code.`);
  }
  const preloadExternals = externalImports(preload.metafile).filter((specifier) => specifier !== 'electron');
  if (preloadExternals.length > 0) {
    throw new Error(`dist/electron/preload.cjs requires ${preloadExternals.join(', ')}; a sandboxed preload can load only 'electron', so import nothing else there.`);
  }
  return { mainFile, preloadFile };
}

if (import.meta.main) {
  const { mainFile, preloadFile } = await buildElectron();
  console.log(`built ${path.relative(PROJECT_ROOT, mainFile)} and ${path.relative(PROJECT_ROOT, preloadFile)}`);
}
