// Calls to the gateway. The session cookie travels by itself; unsafe methods echo the
// XSRF-TOKEN cookie in the X-XSRF-TOKEN header; a 401 sends the browser to sign in.

const SIGN_IN = '/oauth2/authorization/nq57';
const RETURN_KEY = 'nq57.returnTo';

/** A refused or failed call, with the problem details the service answered. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || defaultMessage(status));
    this.status = status;
    this.code = problem.code || '';
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.problem = problem;
  }
}

const TIMED_OUT = 'Máy chủ không phản hồi sau 60 giây, có thể do đường truyền chậm. '
  + 'Nếu bạn vừa lưu, hãy tải lại báo cáo để kiểm tra trước khi thử lại.';

const beforeSignIn = new Set();
let signingIn = false;

/** Registers work to do (e.g. keep unsaved input) before the browser leaves to sign in. */
export function onBeforeSignIn(callback) {
  beforeSignIn.add(callback);
  return () => beforeSignIn.delete(callback);
}

/** Whether the page is leaving to sign in (no unsaved-change prompt then). */
export function isSigningIn() {
  return signingIn;
}

/** Sends the browser to sign in, coming back to the current screen afterwards. */
export function signIn() {
  if (signingIn) return;
  signingIn = true;
  for (const callback of beforeSignIn) {
    try { callback(); } catch (e) { /* keeping a draft must never block signing in */ }
  }
  sessionStorage.setItem(RETURN_KEY, location.hash || '#/');
  location.assign(SIGN_IN);
}

/** The screen to return to after signing in, once. */
export function takeReturnTo() {
  const hash = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  return hash;
}

function csrfToken() {
  const match = /(?:^|;\s*)XSRF-TOKEN=([^;]+)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]) : null;
}

function defaultMessage(status) {
  if (status === 0) return 'Không kết nối được tới máy chủ. Vui lòng kiểm tra đường truyền mạng rồi thử lại.';
  if (status === 403) return 'Tài khoản của bạn không có quyền thực hiện thao tác này.';
  if (status === 404) return 'Không tìm thấy dữ liệu yêu cầu.';
  if (status === 413) return 'Tệp tải lên quá lớn.';
  if (status >= 500) return 'Hệ thống tạm thời gặp sự cố. Vui lòng thử lại sau ít phút.';
  return 'Yêu cầu không thực hiện được. Vui lòng thử lại.';
}

async function problemOf(response) {
  try {
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) return await response.json();
  } catch (e) { /* fall through to the generic message */ }
  return { detail: defaultMessage(response.status) };
}

function unsafe(method) {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method);
}

/**
 * Calls the gateway and answers the parsed JSON (or text).
 * @param {string} path
 * @param {{method?: string, json?: any, body?: BodyInit, headers?: object, accept?: string}} [options]
 */
export async function api(path, options = {}) {
  return call(path, options, true, BUSY_RETRIES);
}

/** How often a call the gateway shed (GTW-008: it never reached the service) is sent again. */
const BUSY_RETRIES = 2;

function pause(response) {
  const seconds = Math.min(10, Number(response.headers.get('Retry-After')) || 2);
  // Spread the retries, so the callers shed together do not all come back together.
  return new Promise((resolve) => setTimeout(resolve, seconds * 1000 * (1 + Math.random())));
}

async function call(path, options, mayRetryCsrf, busyRetries) {
  const method = (options.method || 'GET').toUpperCase();
  const headers = { Accept: options.accept || 'application/json', ...(options.headers || {}) };
  let body = options.body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  if (unsafe(method)) {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  let response;
  // Longer than any gateway time limit for ordinary calls, so the gateway's own answer wins.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 60000);
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin', cache: 'no-store',
      signal: abort.signal });
  } catch (e) {
    throw new ApiError(0, { detail: abort.signal.aborted ? TIMED_OUT : defaultMessage(0), code: 'NETWORK' });
  } finally {
    clearTimeout(timer);
  }
  if (response.status === 401) {
    const problem = await problemOf(response);
    signIn();
    throw new ApiError(401, problem);
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 403 && problem.code === 'GTW-003' && mayRetryCsrf) {
      // The CSRF cookie was missing or renewed: fetch a fresh one once, then try again.
      await fetch('/session', { credentials: 'same-origin', cache: 'no-store' });
      return call(path, options, false, busyRetries);
    }
    if (response.status === 429 && problem.code === 'GTW-008' && busyRetries > 0) {
      // Shed by the gateway before it reached the service: nothing changed, so the same
      // call (a save or a submit too) is simply sent again after the pause asked for.
      await pause(response);
      return call(path, options, mayRetryCsrf, busyRetries - 1);
    }
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

/**
 * Uploads a form with progress, which fetch cannot report. Same CSRF and 401 handling.
 * @param {string} path
 * @param {FormData} form
 * @param {(fraction: number) => void} onProgress
 */
export function upload(path, form, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    const token = csrfToken();
    if (token) xhr.setRequestHeader('X-XSRF-TOKEN', token);
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener('load', () => {
      let payload = {};
      try { payload = JSON.parse(xhr.responseText || '{}'); } catch (e) { payload = {}; }
      if (xhr.status === 401) {
        signIn();
        reject(new ApiError(401, payload));
      } else if (xhr.status >= 200 && xhr.status < 300) {
        resolve(payload);
      } else {
        reject(new ApiError(xhr.status, payload.detail ? payload : { detail: defaultMessage(xhr.status) }));
      }
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, { detail: defaultMessage(0) })));
    xhr.send(form);
  });
}

function fileNameOf(disposition, fallback) {
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition || '');
  if (star) {
    try { return decodeURIComponent(star[1].trim()); } catch (e) { /* use the plain name */ }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition || '');
  return plain ? plain[1].trim() : fallback;
}

/**
 * Downloads a file through the gateway, so that a refusal or an unavailable service is
 * shown as its Vietnamese message instead of being saved as a broken workbook.
 * @param {string} path
 * @param {string} fallbackName the file name when the service gives none
 */
export async function download(path, fallbackName) {
  let response;
  try {
    response = await fetch(path, { credentials: 'same-origin', cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, { detail: defaultMessage(0) });
  }
  if (response.status === 401) {
    signIn();
    throw new ApiError(401, await problemOf(response));
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('Content-Disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** Makes a download link fetch through {@link download}, keeping its href for other uses. */
export function downloadLink(link, fallbackName, onError) {
  link.addEventListener('click', async (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    link.setAttribute('aria-busy', 'true');
    link.classList.add('busy');
    try {
      await download(link.getAttribute('href'), fallbackName);
    } catch (e) {
      if (e.status !== 401) onError(e);
    } finally {
      link.removeAttribute('aria-busy');
      link.classList.remove('busy');
    }
  });
  return link;
}
