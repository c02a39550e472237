export { loadTriggers, DEFAULT_TRIGGER_DIR, ROLES, type Role, type ArgHints, type TriggerEntry, type TriggerLexicon, type ModeCue } from './lexicon.ts';
export { findTriggers, type TriggerHit, type ArgMarker, type FindOptions } from './match.ts';
export { StemIndex, type Analysis, type FormClass } from './morph.ts';
