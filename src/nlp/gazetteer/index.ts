/** Public API of the gazetteer: load the compiled data once, then match texts. */
export { loadGazetteer, gazetteerFromCompiled, stateWordings, GazetteerLoadError, DEFAULT_GAZETTEER_PATH, type Gazetteer } from './load.ts';
export { matchGazetteer, matchGazetteerTokens, matchGazetteerLinked, isWordish } from './match.ts';
export { aliasKey, isJoiner } from './keys.ts';
export { GAZETTEER_KINDS, type GazetteerKind, type GazetteerMatch, type CompiledGazetteer, type CompiledEntity, type AliasRef } from './types.ts';
