export { bench } from '../src/nlp/entities/entities.bench.ts';
