// localStorage that never throws: storage can be full or disabled (private browsing, a sandboxed
// frame), and the page must work without it; a choice then lasts until the page is closed.
export function storageGet(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function storageSet(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Nothing to do: see above.
  }
}
