/**
 * Entity mentions (persons, organizations, countries, locations, titles) from the gazetteer, the
 * NER tagger and rules, with title–person links and actor ids.
 *
 *   const res = loadEntityResources();                 // gazetteer, NER model, registry, word lists
 *   runPipeline(doc, [..., tokensStage, entitiesStage(res)], ctx)
 *   doc.mentions[i].title → index of the person's title mention; .country/.org/.actor
 */
export { entitiesStage, findEntities } from './stage.ts';
export { loadEntityResources, buildNameParts, type EntityResources, type LoadEntityOptions, type NameParts } from './resources.ts';
export { loadEntityWords, parseEntityWords, EntityWordsError, DEFAULT_WORDS_PATH, type EntityWords } from './words.ts';
