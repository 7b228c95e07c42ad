// The front end's entry: who is signed in, which screen the address shows, and the
// guards that keep unsaved input from being lost.

import { api, isSigningIn, takeReturnTo } from './api.js';
import { h, replace, toast } from './dom.js';
import { renderMyWork } from './my-work.js';
import { renderReport } from './report.js';
import { renderPeriod } from './period.js';
import { renderDashboard } from './dashboard.js';
import { forgetAllDrafts } from './drafts.js';

const main = document.getElementById('app');

/** What the current screen exposes to the shell. */
let current = { hasUnsavedChanges: () => false, dispose: () => {} };

/** The signed-in user: {username, unit, roles} (unit and roles when identity-service answered). */
const user = { username: '', unit: null, roles: [] };

const ROUTES = [
  { pattern: /^#\/bao-cao\/([\w-]+)$/, render: (id) => renderReport(main, id, user) },
  { pattern: /^#\/ky\/([\w-]+)$/, render: (id) => renderPeriod(main, id, user) },
  { pattern: /^#\/theo-doi(?:\/(\d{2}))?$/, render: (province) => renderDashboard(main, province || provinceOf(user)) },
  // ---- Quản trị (admin.js, loaded only when an administrator opens it) ----
  { pattern: /^#\/quan-tri(?:\/([a-z-]+))?$/,
    render: async (tab) => (await import('./admin.js')).renderAdmin(main, tab, user) },
  { pattern: /^(#\/?)?$/, render: () => renderMyWork(main, user) },
];

/** A province account's own province; the centre sees the nation unless it picks one. */
function provinceOf(u) {
  return u.roles.includes('PROVINCE_SUPERVISOR') && u.unit ? u.unit.code : null;
}

let shownHash = null;

async function route() {
  const hash = location.hash;
  if (hash === shownHash) return;
  if (shownHash !== null && current.hasUnsavedChanges()
      && !window.confirm('Bạn có thay đổi chưa lưu. Rời màn hình này và bỏ các thay đổi đó?')) {
    history.replaceState(null, '', shownHash || '#/');
    return;
  }
  shownHash = hash;
  current.dispose();
  current = { hasUnsavedChanges: () => false, dispose: () => {} };
  const match = ROUTES.map((r) => ({ r, m: r.pattern.exec(hash) })).find((x) => x.m);
  if (!match) {
    replace(main, h('section.panel', h('h1', 'Không tìm thấy trang'),
      h('p', h('a', { href: '#/' }, 'Về Công việc của tôi'))));
    return;
  }
  replace(main, h('p.loading', 'Đang tải…'));
  try {
    current = (await match.r.render(match.m[1])) || current;
  } catch (e) {
    if (e.status !== 401) {
      replace(main, h('section.panel', h('div.alert.alert-error', { role: 'alert' }, e.message),
        h('p', h('a', { href: '#/' }, 'Về Công việc của tôi'))));
    }
  }
  main.focus({ preventScroll: true });
}

async function loadUser() {
  const session = await api('/session');
  user.username = session.username;
  try {
    const me = await api('/auth/api/me');
    user.unit = me.unit || null;
    user.roles = me.roles || [];
  } catch (e) {
    // Without identity-service the screens still work; they only lose the unit name.
    if (e.status === 401) throw e;
  }
  document.getElementById('user-name').textContent = user.username;
  document.getElementById('user-unit').textContent = user.unit ? user.unit.name : '';
  document.getElementById('user-box').hidden = false;
  const watches = user.roles.includes('PROVINCE_SUPERVISOR') || user.roles.includes('ADMIN');
  document.getElementById('menu-dashboard').hidden = !watches;
  // ---- Quản trị (admin.js): the centre and provinces ----
  document.getElementById('menu-admin').hidden = !watches;
}

async function logout() {
  if (current.hasUnsavedChanges() && !window.confirm('Bạn có thay đổi chưa lưu. Vẫn đăng xuất?')) return;
  current.dispose();
  current = { hasUnsavedChanges: () => false, dispose: () => {} };
  // Signing out on a shared office computer leaves no typed input behind.
  forgetAllDrafts();
  try {
    const answer = await api('/logout', { method: 'POST' });
    location.assign(answer && answer.location ? answer.location : '/');
  } catch (e) {
    toast(e.message, 'error');
  }
}

window.addEventListener('beforeunload', (event) => {
  if (!isSigningIn() && current.hasUnsavedChanges()) {
    event.preventDefault();
    event.returnValue = '';
  }
});

const offline = document.getElementById('offline-banner');
window.addEventListener('offline', () => { offline.hidden = false; });
window.addEventListener('online', () => { offline.hidden = true; });
document.getElementById('logout-button').addEventListener('click', logout);
window.addEventListener('hashchange', route);

async function start() {
  try {
    await loadUser();
  } catch (e) {
    if (e.status !== 401) replace(main, h('div.alert.alert-error', { role: 'alert' }, e.message));
    return;
  }
  const back = takeReturnTo();
  if (back && back !== location.hash) history.replaceState(null, '', back);
  offline.hidden = navigator.onLine !== false;
  route();
}

start();
