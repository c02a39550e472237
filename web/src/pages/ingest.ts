/** Ingest from the browser: upload files or paste text, then follow the job's progress. */
import type { App } from '../app.ts';
import type { Job } from '../api.ts';
import { h, mount } from '../dom.ts';
import { link } from '../router.ts';
import { show } from '../ui/widgets.ts';

export function jobView(app: App, job: Job): HTMLElement {
  const { i18n } = app;
  const p = job.progress;
  const done = job.state === 'done' || job.state === 'failed';
  return h('div', { class: `job job-${job.state}`, 'data-state': job.state, 'data-job': job.id },
    h('p', null, `${i18n.t('jobState')}: `, h('strong', { class: 'job-state' }, i18n.t(`job_${job.state}`))),
    h('progress', { max: 1, value: done ? 1 : undefined, 'aria-label': i18n.t('jobState') }),
    h('dl', { class: 'facts' },
      h('dt', null, i18n.t('progressDocs')), h('dd', { class: 'p-docs' }, i18n.number(p.documents)),
      h('dt', null, i18n.t('progressStories')), h('dd', null, i18n.number(p.stories)),
      h('dt', null, i18n.t('progressEvents')), h('dd', { class: 'p-events' }, i18n.number(p.events)),
      h('dt', null, i18n.t('progressErrors')), h('dd', null, i18n.number(p.errors))),
    job.error ? h('p', { class: 'error', role: 'alert' }, job.error) : null,
    job.summary?.errors?.length ? h('ul', { class: 'error' }, job.summary.errors.map((e) => h('li', null, e.message))) : null,
    job.state === 'done' && job.inputs?.length
      ? h('ul', { class: 'inputs' }, job.inputs.map((name) => h('li', null, h('code', { dir: 'ltr' }, name), ' — ',
        h('a', { href: link(['events'], { source: name }) }, i18n.t('docEvents')))))
      : null);
}

export async function ingestPage(app: App, main: HTMLElement, token: number): Promise<void> {
  const { api, i18n } = app;
  if (!app.config.user || app.config.user.role === 'viewer') {
    show(app, main, token, h('h1', null, i18n.t('ingestTitle')),
      h('p', { class: 'note' }, i18n.t('loginRequired'), ' — ', h('a', { href: link(['login'], { next: link(['ingest']) }) }, i18n.t('navLogin'))));
    return;
  }
  const files = h('input', { id: 'ingest-files', type: 'file', multiple: true, accept: '.txt,.html,.htm,.jsonl' });
  const title = h('input', { id: 'ingest-title', type: 'text', dir: 'auto' });
  const text = h('textarea', { id: 'ingest-text', rows: 8, dir: 'rtl', lang: 'ar' });
  const out = h('div', { class: 'job-slot', 'aria-live': 'polite' });
  const poll = async (id: string) => {
    for (let i = 0; i < 600 && app.isCurrent(token); i++) {
      const job = await api.job(id);
      mount(out, jobView(app, job));
      if (job.state === 'done' || job.state === 'failed') return;
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  const form = h('form', {
    class: 'ingest card',
    on: {
      submit: (e: Event) => {
        e.preventDefault();
        const chosen = files.files && files.files.length > 0 ? files.files : null;
        if (!chosen && !text.value.trim()) {
          mount(out, h('p', { class: 'error', role: 'alert' }, i18n.t('ingestNothing')));
          return;
        }
        const started = chosen ? api.ingestFiles(chosen) : api.ingestText(text.value, title.value.trim() || undefined);
        started.then((job) => {
          mount(out, jobView(app, job));
          return poll(job.id);
        }).catch((err: unknown) => {
          mount(out, h('p', { class: 'error', role: 'alert' }, `${i18n.t('error')}: ${(err as Error).message}`));
        });
      },
    },
  },
    h('div', { class: 'field' }, h('label', { for: 'ingest-files' }, i18n.t('ingestFiles')), files),
    h('div', { class: 'field' }, h('label', { for: 'ingest-title' }, i18n.t('ingestTitleField')), title),
    h('div', { class: 'field' }, h('label', { for: 'ingest-text' }, i18n.t('ingestPaste')), text),
    h('button', { type: 'submit', id: 'ingest-submit' }, i18n.t('ingestSubmit')));
  show(app, main, token, h('h1', null, i18n.t('ingestTitle')), form, out);
}
