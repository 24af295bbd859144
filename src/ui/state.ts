import { readMany, type SlotName, type SlotValue, watch } from '../storage';

export type UiState<K extends SlotName> = { [N in K]: SlotValue<N> };

/**
 * Render from storage now and after every change to the named slots, so a page closed and
 * reopened mid-run shows the same thing. Changes arriving together are rendered once.
 */
export async function renderFromStorage<K extends SlotName>(
  names: readonly K[],
  render: (state: UiState<K>) => void,
): Promise<() => void> {
  let queued: Promise<void> | undefined;
  const refresh = () => {
    queued ??= Promise.resolve().then(async () => {
      queued = undefined;
      render(await readMany(names));
    });
    return queued;
  };
  const stops = names.map((name) => watch(name, () => void refresh()));
  // First paint from storage as it is, without loading the schemas; the checked read follows at
  // once and repaints (damaged data is repaired there, with a notice). Data the first paint cannot
  // handle just skips it.
  try {
    render(await readMany(names, { trust: true }));
    // First render with stored data: the page's time to interactive, for DevTools and `npm run bench`.
    performance.mark('untrain:interactive');
  } catch {
    // The checked read below renders instead.
  }
  await refresh();
  if (!performance.getEntriesByName('untrain:interactive').length) performance.mark('untrain:interactive');
  return () => {
    for (const stop of stops) stop();
  };
}
