// Unsaved input kept on this computer (localStorage), per user, report and version, so a
// draft typed while the connection drops, or before a reload or sign-in, is not lost. It is
// written on every edit, restored when the report opens again, and removed once saved,
// cancelled or discarded on sign-out.

const PREFIX = 'nq57.draft.';

function keyOf(username, reportId, version) {
  return `${PREFIX}${username}.${reportId}.v${version}`;
}

function storage() {
  try {
    return window.localStorage;
  } catch (e) {
    return null; // storage turned off: drafts then live only on the screen
  }
}

/** Keeps the edits (a Map letter → value) of a report at the version they were typed on. */
export function keepDraft(username, reportId, version, edits) {
  const store = storage();
  if (!store) return;
  dropDrafts(username, reportId);
  if (edits.size === 0) return;
  try {
    store.setItem(keyOf(username, reportId, version),
      JSON.stringify({ savedAt: new Date().toISOString(), values: Object.fromEntries(edits) }));
  } catch (e) {
    // Quota exceeded: the input stays on the screen, nothing else to do.
  }
}

/**
 * The newest kept draft of a report: {version, savedAt, values}, or null.
 * A draft of an older version means the report was saved by someone since.
 */
export function findDraft(username, reportId) {
  const store = storage();
  if (!store) return null;
  const prefix = `${PREFIX}${username}.${reportId}.v`;
  let found = null;
  for (let i = 0; i < store.length; i += 1) {
    const key = store.key(i);
    if (!key || !key.startsWith(prefix)) continue;
    const version = Number(key.slice(prefix.length));
    try {
      const draft = JSON.parse(store.getItem(key));
      if (draft && typeof draft.values === 'object' && (!found || version > found.version)) {
        found = { version, savedAt: draft.savedAt, values: draft.values };
      }
    } catch (e) {
      store.removeItem(key);
    }
  }
  return found;
}

/** Removes every kept draft of a report for this user. */
export function dropDrafts(username, reportId) {
  removeWhere((key) => key.startsWith(`${PREFIX}${username}.${reportId}.v`));
}

/** Removes every kept draft (on sign-out, after the user agreed to drop unsaved input). */
export function forgetAllDrafts() {
  removeWhere((key) => key.startsWith(PREFIX));
}

function removeWhere(test) {
  const store = storage();
  if (!store) return;
  const keys = [];
  for (let i = 0; i < store.length; i += 1) {
    const key = store.key(i);
    if (key && test(key)) keys.push(key);
  }
  keys.forEach((key) => store.removeItem(key));
}
