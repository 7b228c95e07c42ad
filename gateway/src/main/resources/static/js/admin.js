// Quản trị: the centre's and provinces' administration screens (identity-service's
// /auth/api/admin/** APIs): accounts with search, paging and actions; bulk one-time
// passwords as a downloadable sheet; the audit log; and, for the centre only, the unit tree
// (rename, merge, split, move). Self-contained: app.js only routes to renderAdmin.

import { api, ApiError, signIn } from './api.js';
import { h, replace, toast } from './dom.js';
import { formatDateTime } from './format.js';
import { ROLE_LABELS } from './labels.js';

const ADMIN = '/auth/api/admin';

/** Whether the signed-in user sees the Quản trị menu. */
export function administers(user) {
  return user.roles.includes('ADMIN') || user.roles.includes('PROVINCE_SUPERVISOR');
}

function isCentre(user) {
  return user.roles.includes('ADMIN');
}

/** The problem of a refused call as text, with every field problem. */
function problemText(e) {
  const fields = (e.errors || []).map((p) => p.message).filter((m) => m && m !== e.message);
  return [e.message, ...fields].join(' ');
}

function errorBox(e) {
  return h('div.alert.alert-error', { role: 'alert' }, problemText(e));
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v !== null && v !== undefined) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

function tabs(user, active) {
  const entries = [['tai-khoan', 'Tài khoản'], ['cap-mat-khau', 'Cấp mật khẩu hàng loạt'], ['nhat-ky', 'Nhật ký']];
  if (isCentre(user)) entries.unshift(['don-vi', 'Đơn vị hành chính']);
  return h('div.tabs', { role: 'tablist', 'aria-label': 'Quản trị' }, entries.map(([slug, label]) =>
    h('a.tab', { href: `#/quan-tri/${slug}`, role: 'tab', 'aria-selected': String(slug === active) }, label)));
}

function pager(page, onPage) {
  const pages = Math.max(1, Math.ceil(page.total / page.size));
  return h('div.toolbar', { 'aria-label': 'Phân trang' },
    h('button.button.button-small', { type: 'button', disabled: page.page <= 0, onclick: () => onPage(page.page - 1) },
      '‹ Trang trước'),
    h('span', ` Trang ${page.page + 1}/${pages} · ${page.total} mục `),
    h('button.button.button-small', { type: 'button', disabled: page.page + 1 >= pages,
      onclick: () => onPage(page.page + 1) }, 'Trang sau ›'));
}

/** Renders a Quản trị screen: tab is one of don-vi, tai-khoan, cap-mat-khau, nhat-ky. */
export async function renderAdmin(main, tab, user) {
  if (!administers(user)) {
    replace(main, h('section.panel', h('h1.page-title', 'Quản trị'),
      h('div.alert.alert-error', { role: 'alert' }, 'Tài khoản của bạn không có quyền quản trị.')));
    return null;
  }
  const chosen = tab || (isCentre(user) ? 'don-vi' : 'tai-khoan');
  const body = h('div.admin-body');
  replace(main, h('section.panel', h('h1.page-title', 'Quản trị'), tabs(user, chosen), body));
  if (chosen === 'don-vi' && isCentre(user)) await unitsScreen(body);
  else if (chosen === 'cap-mat-khau') bulkScreen(body, user);
  else if (chosen === 'nhat-ky') await auditScreen(body, user);
  else await accountsScreen(body, user);
  return null;
}

// ---- Tài khoản ---------------------------------------------------------------------------

async function accountsScreen(body, user) {
  const filters = { q: '', role: '', enabled: '', province: '', page: 0, size: 25 };
  const result = h('div', { 'aria-live': 'polite' });
  const search = h('input#admin-q', { type: 'search', placeholder: 'Tên đăng nhập, mã hoặc tên đơn vị' });
  const role = h('select#admin-role', h('option', { value: '' }, 'Mọi vai trò'),
    Object.entries(ROLE_LABELS).map(([k, v]) => h('option', { value: k }, v)));
  const enabled = h('select#admin-enabled', h('option', { value: '' }, 'Mọi trạng thái'),
    h('option', { value: 'true' }, 'Đang hoạt động'), h('option', { value: 'false' }, 'Đã khóa'));
  const province = isCentre(user) ? h('input#admin-province', { type: 'text', inputmode: 'numeric',
    maxlength: '2', size: '4', placeholder: 'Mã tỉnh' }) : null;

  async function load() {
    try {
      const page = await api(`${ADMIN}/accounts${query(filters)}`);
      replace(result, accountsTable(page.items, reload), pager(page, (p) => { filters.page = p; load(); }));
    } catch (e) {
      if (e.status !== 401) replace(result, errorBox(e));
    }
  }
  const reload = () => load();
  const form = h('form.toolbar', { role: 'search', onsubmit: (event) => {
    event.preventDefault();
    Object.assign(filters, { q: search.value.trim(), role: role.value, enabled: enabled.value,
      province: province ? province.value.trim() : '', page: 0 });
    load();
  } }, h('label.visually-hidden', { for: 'admin-q' }, 'Tìm tài khoản'), search, role, enabled, province,
  h('button.button.button-primary', { type: 'submit' }, 'Tìm'));
  replace(body, form, result);
  await load();
}

function accountsTable(items, reload) {
  if (!items.length) return h('p.empty', 'Không có tài khoản nào phù hợp.');
  return h('div.table-wrap', h('table.data-table.stack',
    h('thead', h('tr', ['Tên đăng nhập', 'Đơn vị', 'Vai trò', 'Trạng thái', 'Đăng nhập gần nhất', 'Thao tác']
      .map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', items.map((a) => accountRow(a, reload)))));
}

function accountRow(a, reload) {
  const status = [a.enabled ? 'Đang hoạt động' : 'Đã khóa', a.mustSetPassword ? 'chưa đặt mật khẩu' : null,
    a.cccdLinked ? 'đã liên kết CCCD' : null, a.unitActive ? null : 'đơn vị đã giải thể'].filter(Boolean).join(', ');
  const roleSelect = a.allowedRoles.length > 1
    ? h('select', { 'aria-label': `Vai trò của ${a.username}`, onchange: async (event) => {
      const chosen = event.target.value;
      if (!window.confirm(`Đổi vai trò của ${a.username} thành "${ROLE_LABELS[chosen] || chosen}"?`)) {
        event.target.value = a.role; return;
      }
      await act(() => api(`${ADMIN}/accounts/${encodeURIComponent(a.username)}/role`,
        { method: 'PUT', json: { role: chosen } }), 'Đã đổi vai trò.', reload);
    } }, a.allowedRoles.map((r) => h('option', { value: r, selected: r === a.role }, ROLE_LABELS[r] || r)))
    : a.roleLabel;
  const path = `${ADMIN}/accounts/${encodeURIComponent(a.username)}`;
  const actions = h('td.actions-cell', { 'data-label': 'Thao tác' },
    a.enabled
      ? h('button.button.button-small.button-danger', { type: 'button', onclick: () => {
        if (window.confirm(`Khóa tài khoản ${a.username}? Mọi phiên đăng nhập của tài khoản sẽ kết thúc.`)) {
          act(() => api(`${path}/disable`, { method: 'POST' }), 'Đã khóa tài khoản.', reload);
        }
      } }, 'Khóa')
      : h('button.button.button-small', { type: 'button', disabled: !a.unitActive,
        onclick: () => act(() => api(`${path}/enable`, { method: 'POST' }), 'Đã mở tài khoản.', reload) }, 'Mở khóa'),
    h('button.button.button-small', { type: 'button', onclick: () => issuePassword(a.username, reload) },
      'Cấp mật khẩu ban đầu'),
    a.cccdLinked ? h('button.button.button-small', { type: 'button', onclick: () => {
      if (window.confirm(`Gỡ liên kết CCCD của ${a.username}? Người dùng sẽ phải nhập lại CCCD khi đăng nhập.`)) {
        act(() => api(`${path}/cccd-unlink`, { method: 'POST' }), 'Đã gỡ liên kết CCCD.', reload);
      }
    } }, 'Gỡ liên kết CCCD') : null);
  return h('tr',
    h('th', { scope: 'row', 'data-label': 'Tên đăng nhập' }, a.username),
    h('td', { 'data-label': 'Đơn vị' }, `${a.unitName} (${a.unitCode})`),
    h('td', { 'data-label': 'Vai trò' }, roleSelect),
    h('td', { 'data-label': 'Trạng thái' }, status),
    h('td', { 'data-label': 'Đăng nhập gần nhất' }, a.lastSignInAt ? formatDateTime(a.lastSignInAt) : '—'),
    actions);
}

async function act(call, done, reload) {
  try {
    await call();
    toast(done);
  } catch (e) {
    if (e.status !== 401) toast(problemText(e), 'error');
  }
  reload();
}

async function issuePassword(username, reload) {
  if (!window.confirm(`Cấp mật khẩu dùng một lần cho ${username}? Mật khẩu hiện tại sẽ không dùng được nữa.`)) return;
  try {
    const issued = await api(`${ADMIN}/accounts/${encodeURIComponent(username)}/initial-password`, { method: 'POST' });
    const dialog = h('dialog.dialog', { 'aria-label': 'Mật khẩu ban đầu' },
      h('p', `Mật khẩu dùng một lần của ${issued.username} (chỉ hiện một lần, bắt buộc đổi khi đăng nhập):`),
      h('p.admin-secret', issued.password),
      h('button.button.button-primary', { type: 'button', onclick: () => { dialog.close(); dialog.remove(); } },
        'Đã ghi lại, đóng'));
    document.body.append(dialog);
    dialog.showModal();
  } catch (e) {
    if (e.status !== 401) toast(problemText(e), 'error');
  }
  reload();
}

// ---- Cấp mật khẩu hàng loạt ---------------------------------------------------------------

function csrfToken() {
  const match = /(?:^|;\s*)XSRF-TOKEN=([^;]+)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]) : null;
}

/** POSTs and saves the answered workbook: the sheet exists only in this one answer. */
async function postDownload(path, json) {
  const headers = { 'Content-Type': 'application/json',
    Accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/json, */*' };
  const token = csrfToken();
  if (token) headers['X-XSRF-TOKEN'] = token;
  let response;
  try {
    response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(json), credentials: 'same-origin',
      cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, { detail: 'Không kết nối được tới máy chủ. Vui lòng kiểm tra đường truyền mạng.' });
  }
  if (response.status === 401) { signIn(); throw new ApiError(401, {}); }
  if (!response.ok) {
    let problem = {};
    try { problem = await response.json(); } catch (e) { /* generic message */ }
    throw new ApiError(response.status, problem);
  }
  const disposition = response.headers.get('Content-Disposition') || '';
  const name = (/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) || [])[1] || 'mat-khau-ban-dau.xlsx';
  const url = URL.createObjectURL(await response.blob());
  const link = h('a', { href: url, download: decodeURIComponent(name) });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return response.headers.get('X-Accounts-Issued');
}

function bulkScreen(body, user) {
  const message = h('div', { 'aria-live': 'polite' });
  const province = h('input#bulk-province', { type: 'text', inputmode: 'numeric', maxlength: '2', size: '4',
    value: isCentre(user) ? '' : (user.unit ? user.unit.code : ''), disabled: !isCentre(user) });
  const nation = isCentre(user) ? h('input#bulk-nation', { type: 'checkbox' }) : null;
  const all = h('input#bulk-all', { type: 'checkbox' });
  const button = h('button.button.button-primary', { type: 'submit' }, 'Cấp mật khẩu và tải bảng (.xlsx)');
  const form = h('form.admin-form', { onsubmit: async (event) => {
    event.preventDefault();
    const scope = nation && nation.checked ? 'toàn quốc' : `tỉnh/thành phố mã ${province.value.trim()}`;
    const what = all.checked ? 'MỌI tài khoản (kể cả tài khoản đang dùng)' : 'các tài khoản chưa đặt mật khẩu';
    if (!window.confirm(`Cấp mật khẩu dùng một lần cho ${what} của ${scope}? Bảng chỉ tải được một lần.`)) return;
    button.disabled = true;
    replace(message, h('p.loading', 'Đang cấp mật khẩu…'));
    try {
      const json = { pendingOnly: !all.checked };
      if (nation && nation.checked) json.nation = true; else json.province = province.value.trim();
      const count = await postDownload(`${ADMIN}/provisioning/sheets`, json);
      replace(message, h('div.alert.alert-info', { role: 'status' },
        `Đã cấp mật khẩu dùng một lần cho ${count} tài khoản. Bảng đã được tải về; hệ thống không lưu lại mật khẩu.`));
    } catch (e) {
      if (e.status !== 401) replace(message, errorBox(e));
    } finally {
      button.disabled = false;
    }
  } },
  h('p', 'Mỗi tài khoản trong phạm vi được cấp một mật khẩu dùng một lần, bắt buộc đổi khi đăng nhập lần đầu. '
    + 'Bảng tính (mỗi tỉnh một trang: tên đăng nhập, đơn vị, vai trò, mật khẩu) chỉ được tạo một lần.'),
  h('p', h('label', { for: 'bulk-province' }, 'Mã tỉnh/thành phố '), province),
  nation ? h('p', nation, h('label', { for: 'bulk-nation' }, ' Toàn quốc (mọi tỉnh/thành phố)')) : null,
  h('p', all, h('label', { for: 'bulk-all' }, ' Cấp lại cho mọi tài khoản, kể cả tài khoản đã đặt mật khẩu')),
  button);
  replace(body, form, message);
}

// ---- Nhật ký -------------------------------------------------------------------------------

async function auditScreen(body, user) {
  const filters = { username: '', action: '', from: '', to: '', province: '', page: 0, size: 50 };
  const result = h('div', { 'aria-live': 'polite' });
  const username = h('input#audit-user', { type: 'search', placeholder: 'Tên đăng nhập' });
  const action = h('select#audit-action', h('option', { value: '' }, 'Mọi hoạt động'), AUDIT_ACTIONS.map(([k, v]) =>
    h('option', { value: k }, v)));
  const from = h('input#audit-from', { type: 'date', 'aria-label': 'Từ ngày' });
  const to = h('input#audit-to', { type: 'date', 'aria-label': 'Đến ngày' });
  const province = isCentre(user) ? h('input#audit-province', { type: 'text', maxlength: '2', size: '4',
    placeholder: 'Mã tỉnh' }) : null;
  async function load() {
    try {
      const page = await api(`/auth/api/admin/audit${query(filters)}`);
      replace(result, page.items.length ? h('div.table-wrap', h('table.data-table.stack',
        h('thead', h('tr', ['Thời gian', 'Hoạt động', 'Người thực hiện', 'Tài khoản', 'Đơn vị', 'Chi tiết']
          .map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', page.items.map((e) => h('tr',
          h('td', { 'data-label': 'Thời gian' }, formatDateTime(e.occurredAt)),
          h('td', { 'data-label': 'Hoạt động' }, e.actionLabel),
          h('td', { 'data-label': 'Người thực hiện' }, e.actorUsername || '—'),
          h('td', { 'data-label': 'Tài khoản' }, e.targetUsername || '—'),
          h('td', { 'data-label': 'Đơn vị' }, e.unitCode || '—'),
          h('td', { 'data-label': 'Chi tiết' }, e.detail || '')))))) : h('p.empty', 'Không có mục nào.'),
      pager(page, (p) => { filters.page = p; load(); }));
    } catch (e) {
      if (e.status !== 401) replace(result, errorBox(e));
    }
  }
  const form = h('form.toolbar', { role: 'search', onsubmit: (event) => {
    event.preventDefault();
    Object.assign(filters, { username: username.value.trim(), action: action.value, from: from.value, to: to.value,
      province: province ? province.value.trim() : '', page: 0 });
    load();
  } }, username, action, from, to, province, h('button.button.button-primary', { type: 'submit' }, 'Lọc'));
  replace(body, form, result);
  await load();
}

const AUDIT_ACTIONS = [
  ['SIGN_IN_SUCCEEDED', 'Đăng nhập thành công'], ['SIGN_IN_FAILED', 'Đăng nhập không thành công'],
  ['ACCOUNT_LOCKED', 'Tạm khóa đăng nhập'], ['ACCOUNT_UNLOCKED', 'Mở khóa đăng nhập'],
  ['RESET_CODE_ISSUED', 'Cấp mã đặt lại mật khẩu'], ['PASSWORD_RESET', 'Đặt lại mật khẩu bằng mã'],
  ['CCCD_LINKED', 'Liên kết số CCCD'], ['CCCD_UNLINKED', 'Gỡ liên kết CCCD'], ['ROLE_CHANGED', 'Đổi vai trò'],
  ['ACCOUNT_ENABLED', 'Mở tài khoản'], ['ACCOUNT_DISABLED', 'Khóa tài khoản'],
  ['INITIAL_PASSWORD_ISSUED', 'Cấp mật khẩu ban đầu'], ['BULK_PASSWORDS_ISSUED', 'Cấp mật khẩu hàng loạt'],
  ['UNIT_RENAMED', 'Đổi tên đơn vị'], ['UNIT_MOVED', 'Chuyển tỉnh'], ['UNITS_MERGED', 'Sáp nhập đơn vị'],
  ['UNIT_SPLIT', 'Chia tách đơn vị'],
];

// ---- Đơn vị hành chính (Trung ương) ---------------------------------------------------------

async function unitsScreen(body) {
  const provinces = (await api('/auth/api/units')).filter((u) => u.level === 'PROVINCE');
  const list = h('div', { 'aria-live': 'polite' });
  const message = h('div', { 'aria-live': 'polite' });
  const picker = h('select#unit-province', { onchange: () => showProvince(picker.value) },
    provinces.map((p) => h('option', { value: p.code }, `${p.code} · ${p.name}`)));

  async function showProvince(code) {
    try {
      const units = await api(`/auth/api/units?province=${encodeURIComponent(code)}`);
      replace(list, h('div.table-wrap', h('table.data-table.stack',
        h('thead', h('tr', ['Mã', 'Tên', 'Loại', 'Thao tác'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', units.map((u) => h('tr',
          h('th', { scope: 'row', 'data-label': 'Mã' }, u.code),
          h('td', { 'data-label': 'Tên' }, u.name),
          h('td', { 'data-label': 'Loại' }, u.type),
          h('td.actions-cell', { 'data-label': 'Thao tác' },
            h('button.button.button-small', { type: 'button', onclick: () => renameUnit(u) }, 'Đổi tên'),
            u.level === 'COMMUNE' ? [
              h('button.button.button-small', { type: 'button', onclick: () => moveUnit(u) }, 'Chuyển tỉnh'),
              h('button.button.button-small', { type: 'button', onclick: () => splitUnit(u) }, 'Chia tách'),
            ] : null,
            h('button.button.button-small', { type: 'button', onclick: () => history(u) }, 'Lịch sử'))))))));
    } catch (e) {
      if (e.status !== 401) replace(list, errorBox(e));
    }
  }

  async function change(path, json, done) {
    try {
      const result = await api(`/auth/api/admin/units${path}`, { method: 'POST', json });
      const disabled = result.disabledAccounts.length
        ? ` Đã khóa ${result.disabledAccounts.length} tài khoản của đơn vị giải thể.` : '';
      const created = result.createdAccounts ? ` Đã tạo ${result.createdAccounts} tài khoản mới.` : '';
      replace(message, h('div.alert.alert-info', { role: 'status' }, done + disabled + created));
      showProvince(picker.value);
    } catch (e) {
      if (e.status !== 401) replace(message, errorBox(e));
    }
  }

  function renameUnit(u) {
    const name = window.prompt(`Tên mới của ${u.name} (${u.code}):`, u.name);
    if (name === null) return;
    change(`/${u.code}/rename`, { name }, `Đã đổi tên ${u.code}.`);
  }
  function moveUnit(u) {
    const provinceCode = window.prompt(`Chuyển ${u.name} (${u.code}) sang tỉnh/thành phố mã:`, '');
    if (provinceCode === null) return;
    change(`/${u.code}/move`, { provinceCode: provinceCode.trim() }, `Đã chuyển ${u.code} sang tỉnh ${provinceCode}.`);
  }
  function splitUnit(u) {
    const typed = window.prompt(`Chia tách ${u.name} (${u.code}). Nhập các đơn vị mới, mỗi đơn vị "mã;tên;loại", `
      + 'cách nhau bởi dấu |, ví dụ: 99901;Xã Đông;xã|99902;Xã Tây;xã', '');
    if (typed === null) return;
    const successors = typed.split('|').map((part) => {
      const [code, name, unitType] = part.split(';').map((s) => (s || '').trim());
      return { code, name, unitType };
    });
    change(`/${u.code}/split`, { successors }, `Đã chia tách ${u.code}.`);
  }
  async function history(u) {
    try {
      const versions = await api(`/auth/api/admin/units/${encodeURIComponent(u.code)}/history`);
      replace(message, h('div.alert.alert-info', h('p', h('strong', `Lịch sử ${u.code}`)),
        versions.map((v) => h('p', `${formatDateTime(v.validFrom)} → ${v.validTo ? formatDateTime(v.validTo) : 'nay'}: `
          + `${v.name} (${v.unitType}, tỉnh ${v.provinceCode || '—'})${v.active ? '' : ', đã giải thể'}`
          + `${v.kind ? ` · ${v.kind}` : ''}`))));
    } catch (e) {
      if (e.status !== 401) replace(message, errorBox(e));
    }
  }

  const sources = h('input#merge-sources', { type: 'text', placeholder: 'Mã các xã, cách nhau bởi dấu phẩy' });
  const targetCode = h('input#merge-code', { type: 'text', size: '7', placeholder: 'Mã đơn vị sau sáp nhập' });
  const targetName = h('input#merge-name', { type: 'text', placeholder: 'Tên (đơn vị mới)' });
  const targetType = h('select#merge-type', ['xã', 'phường', 'đặc khu'].map((t) => h('option', { value: t }, t)));
  const merge = h('form.toolbar', { 'aria-label': 'Sáp nhập', onsubmit: (event) => {
    event.preventDefault();
    const codes = sources.value.split(',').map((s) => s.trim()).filter(Boolean);
    if (!window.confirm(`Sáp nhập ${codes.join(' + ')} thành ${targetCode.value.trim()}? Tài khoản của đơn vị `
      + 'giải thể sẽ bị khóa.')) return;
    change('/merge', { sources: codes, target: { code: targetCode.value.trim(), name: targetName.value.trim(),
      unitType: targetType.value } }, 'Đã sáp nhập.');
  } }, h('strong', 'Sáp nhập: '), sources, targetCode, targetName, targetType,
  h('button.button.button-primary', { type: 'submit' }, 'Sáp nhập'));

  replace(body, h('p', 'Mọi thay đổi được lưu lịch sử, thông báo cho các hệ thống khác, '
    + 'và tài khoản của đơn vị giải thể bị khóa.'), merge,
  h('div.toolbar', h('label', { for: 'unit-province' }, 'Tỉnh/thành phố '), picker), message, list);
  if (provinces.length) await showProvince(provinces[0].code);
}
