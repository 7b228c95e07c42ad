// The API documentation page: each service's OpenAPI document and its operations.

import { h, replace } from './dom.js';

const SERVICES = [
  ['identity', 'Dịch vụ đăng nhập (identity-service)'],
  ['report', 'Dịch vụ báo cáo (report-service)'],
  ['workflow', 'Dịch vụ quy trình duyệt (workflow-service)'],
  ['file', 'Dịch vụ tệp đính kèm (file-service)'],
  ['export', 'Dịch vụ xuất nhập Excel (export-service)'],
  ['dashboard', 'Dịch vụ bảng theo dõi (dashboard-service)'],
];

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const list = document.getElementById('api-docs-list');
const detail = document.getElementById('api-docs-detail');

async function show(id, name) {
  detail.hidden = false;
  replace(detail, h('h2', name), h('p.loading', 'Đang tải…'));
  let doc;
  try {
    const response = await fetch(`/openapi/${id}.json`, { headers: { Accept: 'application/json' } });
    doc = await response.json();
    if (!response.ok) throw new Error(doc.detail || `HTTP ${response.status}`);
  } catch (e) {
    replace(detail, h('h2', name), h('p.alert.alert-error', e.message || 'Không tải được tài liệu.'));
    return;
  }
  const rows = [];
  for (const [path, operations] of Object.entries(doc.paths || {})) {
    for (const method of METHODS) {
      const op = operations[method];
      if (op) rows.push(h('tr', h('td', h('code', method.toUpperCase())), h('td', h('code', path)),
        h('td', op.summary || op.description || op.operationId || '')));
    }
  }
  replace(detail, h('h2', name),
    h('p', `${doc.info?.title || ''} ${doc.info?.version || ''}`, ' · ',
      h('a', { href: `/openapi/${id}.json` }, 'Tài liệu OpenAPI (JSON)')),
    h('div.table-wrap', h('table.data-table',
      h('thead', h('tr', h('th', 'Phương thức'), h('th', 'Đường dẫn'), h('th', 'Mô tả'))),
      h('tbody', rows))));
}

replace(list, SERVICES.map(([id, name]) => h('li',
  h('a', { href: `#${id}`, onclick: (e) => { e.preventDefault(); show(id, name); } }, name),
  ' · ', h('a', { href: `/openapi/${id}.json` }, `/openapi/${id}.json`))));
