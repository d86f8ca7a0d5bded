import { createSignal } from 'solid-js';

// Bumped whenever time entries change outside the page that lists them
// (the top-bar timer saving a draft), so an open /time page reloads.
const [entriesVersion, setEntriesVersion] = createSignal(0);

export { entriesVersion };

export function notifyTimeEntriesChanged() {
  setEntriesVersion((v) => v + 1);
}
