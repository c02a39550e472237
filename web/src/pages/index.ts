/** Route name (first hash segment) → page. */
import type { App } from '../app.ts';
import { h, mount } from '../dom.ts';
import { actorPage, actorsPage } from './actors.ts';
import { dyadPage } from './dyad.ts';
import { eventPage } from './event.ts';
import { eventsPage } from './events.ts';
import { ingestPage } from './ingest.ts';
import { loginPage } from './login.ts';
import { overviewPage } from './overview.ts';

/** Renders into `main`; `token` identifies this render (see App.isCurrent). */
export type PageFn = (app: App, main: HTMLElement, token: number) => Promise<void>;

async function notFound(app: App, main: HTMLElement): Promise<void> {
  mount(main, h('h1', null, app.i18n.t('notFound')));
}

export const PAGES: Record<string, PageFn> = {
  '': overviewPage,
  country: overviewPage,
  events: eventsPage,
  event: eventPage,
  actors: actorsPage,
  actor: actorPage,
  dyad: dyadPage,
  ingest: ingestPage,
  login: loginPage,
  '404': notFound,
};
