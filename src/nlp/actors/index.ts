/** The canonical actor registry: data loading, name/role resolution, in-story coreference. */
export {
  ACTOR_KINDS, ActorSchema, RoleSchema, dateBounds, roleOverlaps,
  type Actor, type ActorKind, type Alias, type Qualifier, type Role,
} from './schema.ts';
export {
  DEFAULT_ACTORS_DIR, RegistryError, buildRegistry, getActor, isStateId, loadRegistry, withStateTerms,
  type ActorRegistry, type KeyEntry, type KeyType, type RegistryInput, type StateTerm,
} from './registry.ts';
export { givenKey, nameKey, nameTokens, surnameKey } from './names.ts';
export { coreMatch, institutionHints, parseTitle, type ParsedTitle } from './titles.ts';
export { definite, findByName, findByRole, scoreRole, type Candidate, type RoleQuery } from './resolve.ts';
export { MentionResolver, type PersonMention, type Resolution, type ResolutionVia, type StoryContext } from './story.ts';
export { canMerge, discoverActor, discoveredId, mergeActors, type DiscoverInput, type MergeRule, type MergeVerdict } from './discover.ts';
