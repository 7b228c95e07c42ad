// Small DOM helpers. Text is always set as text, never parsed as HTML, so values typed by
// users or sent by a service cannot inject markup.

/**
 * Creates an element.
 * @param {string} tag the tag name, optionally with #id and .classes: "button#save.primary"
 * @param {object} [attrs] attributes; "on*" keys add listeners, boolean true sets an empty attribute
 * @param {...(Node|string|number|null|undefined|false|Array)} children
 */
export function h(tag, attrs, ...children) {
  const [, name, rest] = /^([a-z0-9-]+)(.*)$/i.exec(tag);
  const el = document.createElement(name);
  for (const part of rest.match(/[#.][^#.]+/g) || []) {
    if (part[0] === '#') el.id = part.slice(1);
    else el.classList.add(part.slice(1));
  }
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.classList.add(...String(value).split(/\s+/).filter(Boolean));
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'value') el.value = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces the content of an element. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Shows a short message in the status area, read out by screen readers. */
export function toast(message, kind = 'success') {
  const box = document.getElementById('toast');
  if (!box) return;
  const item = h('div.toast-item', { class: `toast-${kind}` }, message);
  box.append(item);
  setTimeout(() => item.remove(), kind === 'error' ? 9000 : 5000);
}
