/** Editor login form. */
import type { App } from '../app.ts';
import { ApiError } from '../api.ts';
import { h } from '../dom.ts';
import { link } from '../router.ts';
import { show } from '../ui/widgets.ts';

export async function loginPage(app: App, main: HTMLElement, token: number): Promise<void> {
  const { api, i18n } = app;
  const name = h('input', { id: 'login-name', name: 'name', autocomplete: 'username', required: true, dir: 'auto' });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const status = h('p', { class: 'status', role: 'alert' });
  const back = app.route.query.get('next') ?? link([]);
  const form = h('form', {
    class: 'login card', 'aria-labelledby': 'login-title',
    on: {
      submit: (e: Event) => {
        e.preventDefault();
        status.textContent = i18n.t('loading');
        api.login(name.value.trim(), password.value).then((config) => {
          app.config = config;
          app.go(back);
        }, (err: unknown) => {
          status.textContent = err instanceof ApiError && (err.status === 401 || err.status === 403) ? i18n.t('loginFailed') : `${i18n.t('error')}: ${(err as Error).message}`;
        });
      },
    },
  },
    h('h1', { id: 'login-title' }, i18n.t('loginTitle')),
    h('div', { class: 'field' }, h('label', { for: 'login-name' }, i18n.t('username')), name),
    h('div', { class: 'field' }, h('label', { for: 'login-password' }, i18n.t('password')), password),
    h('button', { type: 'submit', id: 'login-submit' }, i18n.t('login')),
    status);
  show(app, main, token, form);
}
