/**
 * `npm run build:data`: validates the gazetteer sources in data/gazetteer/ and writes
 * data/compiled/gazetteer.json. With `--check`, writes nothing and exits 1 when the committed
 * file differs from what the sources produce now.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileGazetteer, serializeGazetteer, type GazetteerSources } from './build-data/compile.ts';
import { formatError } from './build-data/sources.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const GAZETTEER_SOURCE_DIR = join(ROOT, 'data', 'gazetteer');
export const GAZETTEER_OUTPUT = join(ROOT, 'data', 'compiled', 'gazetteer.json');

/** Reads the source files of the gazetteer (paths in messages are relative to the repository root). */
export function readGazetteerSources(dir: string = GAZETTEER_SOURCE_DIR): GazetteerSources {
  const read = (name: string) => {
    const path = join(dir, name);
    return { path: relative(ROOT, path), text: readFileSync(path, 'utf8') };
  };
  return {
    countries: read('countries.tsv'),
    peoples: read('peoples.tsv'),
    places: read('places.tsv'),
    orgs: read('orgs.yaml'),
    institutions: read('institutions.yaml'),
    titles: read('titles.yaml'),
  };
}

/** Builds the compiled gazetteer text, or throws an Error listing every source problem. */
export function buildGazetteerText(dir: string = GAZETTEER_SOURCE_DIR): string {
  const { gazetteer, errors } = compileGazetteer(readGazetteerSources(dir));
  if (!gazetteer) throw new Error(`gazetteer sources have ${errors.length} error(s):\n` + errors.map(formatError).join('\n'));
  return serializeGazetteer(gazetteer);
}

function main(argv: string[]): number {
  let text: string;
  try {
    text = buildGazetteerText();
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  }
  const rel = relative(ROOT, GAZETTEER_OUTPUT);
  if (argv.includes('--check')) {
    const current = existsSync(GAZETTEER_OUTPUT) ? readFileSync(GAZETTEER_OUTPUT, 'utf8') : '';
    if (current !== text) {
      console.error(`${rel} is out of date: run npm run build:data`);
      return 1;
    }
    console.log(`${rel} is up to date`);
    return 0;
  }
  mkdirSync(dirname(GAZETTEER_OUTPUT), { recursive: true });
  writeFileSync(GAZETTEER_OUTPUT, text);
  const parsed = JSON.parse(text) as { entities: object; aliases: object };
  console.log(`wrote ${rel}: ${Object.keys(parsed.entities).length} entities, ${Object.keys(parsed.aliases).length} aliases`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
