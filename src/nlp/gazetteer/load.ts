/**
 * Loading the compiled gazetteer (data/compiled/gazetteer.json) into a trie over normalized
 * tokens. Load it once and pass the Gazetteer around: there is no global state.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AliasRef, CompiledEntity, CompiledGazetteer } from './types.ts';
import { GAZETTEER_KINDS } from './types.ts';
import type { CliticCandidate } from '../../text/clitics.ts';

export interface TrieNode {
  /** Next normalized token → node; null when no longer alias continues here. */
  next: Map<string, TrieNode> | null;
  /** Readings of the alias ending at this node, default first; null when none ends here. */
  refs: AliasRef[] | null;
}

export interface Gazetteer {
  /** First normalized token → node. */
  root: Map<string, TrieNode>;
  /** Entity key (`${kind}:${id}`) → entity. */
  entities: Map<string, CompiledEntity>;
  /** Number of aliases (for reports). */
  size: number;
  /**
   * Proclitic analyses of words met so far whose stem starts an alias (match.ts), kept across
   * documents: they depend only on `root`. Emptied when it grows past PREFIX_MEMO_LIMIT words.
   * Without it, each match call has its own.
   */
  prefixMemo?: Map<string, readonly CliticCandidate[]>;
}

/** Largest number of words kept in Gazetteer.prefixMemo. */
export const PREFIX_MEMO_LIMIT = 200_000;

export const DEFAULT_GAZETTEER_PATH = fileURLToPath(new URL('../../../data/compiled/gazetteer.json', import.meta.url));

export class GazetteerLoadError extends Error {}

/** Reads and indexes the compiled gazetteer; throws GazetteerLoadError naming the file on bad input. */
export function loadGazetteer(path: string = DEFAULT_GAZETTEER_PATH): Gazetteer {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new GazetteerLoadError(`${path}: cannot read compiled gazetteer (${(e as Error).message}); run npm run build:data`);
  }
  return gazetteerFromCompiled(json as CompiledGazetteer, path);
}

/** Indexes an in-memory compiled gazetteer (e.g. built by a test). */
export function gazetteerFromCompiled(c: CompiledGazetteer, origin = 'gazetteer'): Gazetteer {
  if (!c || c.version !== 1 || typeof c.entities !== 'object' || typeof c.aliases !== 'object') {
    throw new GazetteerLoadError(`${origin}: not a compiled gazetteer (version 1 with entities and aliases)`);
  }
  const kinds = new Set<string>(GAZETTEER_KINDS);
  const entities = new Map<string, CompiledEntity>();
  for (const [key, e] of Object.entries(c.entities)) {
    if (!kinds.has(e.kind)) throw new GazetteerLoadError(`${origin}: entity '${key}' has unknown kind '${e.kind}'`);
    entities.set(key, e);
  }
  const root = new Map<string, TrieNode>();
  let size = 0;
  for (const [alias, refs] of Object.entries(c.aliases)) {
    for (const r of refs) {
      if (!entities.has(r.e)) throw new GazetteerLoadError(`${origin}: alias '${alias}' refers to unknown entity '${r.e}'`);
    }
    const words = alias.split(' ');
    let level = root;
    let node: TrieNode | undefined;
    for (let i = 0; i < words.length; i++) {
      node = level.get(words[i]);
      if (!node) {
        node = { next: null, refs: null };
        level.set(words[i], node);
      }
      if (i < words.length - 1) {
        if (!node.next) node.next = new Map();
        level = node.next;
      }
    }
    node!.refs = refs;
    size++;
  }
  return { root, entities, size, prefixMemo: new Map() };
}

/**
 * Every state's names and singular nisba adjectives as normalized word lists ("الهند", "جمهوريه
 * الهند"; "الهندي", "الهنديه"), from the trie: what a title may name its owner by.
 */
export function stateWordings(g: Gazetteer): Array<{ words: string[]; code: string; type: 'name' | 'adjective' }> {
  const out: Array<{ words: string[]; code: string; type: 'name' | 'adjective' }> = [];
  const walk = (node: TrieNode, path: string[]) => {
    for (const r of node.refs ?? []) {
      const [kind, code] = r.e.split(':');
      if (kind === 'country' && !r.amb && g.entities.get(r.e)?.type === 'state') out.push({ words: path, code, type: 'name' });
      else if (kind === 'nisba' && r.form === 'sg' && path.length === 1) out.push({ words: ['ال' + path[0]], code, type: 'adjective' });
    }
    for (const [w, next] of node.next ?? []) walk(next, [...path, w]);
  };
  for (const [w, node] of g.root) walk(node, [w]);
  return out;
}
