import { createStore } from 'zustand/vanilla';
import { DEFAULT_PREFERENCES, getPreferences, parseSetting, preferences, preferencesSchema, unwatchQuietly, type Preferences } from '../settings';

/** The user's preferences for the surface that shows figures (tooltip, popup), kept current from storage. */
export const preferencesStore = createStore<Preferences>(() => DEFAULT_PREFERENCES);

/** Loads the stored preferences and follows changes until `signal` aborts. */
export function followPreferences(signal?: AbortSignal): void {
  void getPreferences().then((value) => preferencesStore.setState(value, true));
  const unwatch = preferences.watch((value) => preferencesStore.setState(parseSetting(preferencesSchema, value, DEFAULT_PREFERENCES, 'preferences'), true));
  signal?.addEventListener('abort', unwatchQuietly(unwatch), { once: true });
}
