import { createStore } from 'zustand/vanilla';
import { LAYERS, type LayerId } from '../risk/schema';

/** What the current site's settings ask of the tooltip (content script only); kept current from storage. */
export const siteViewStore = createStore<{ layers: readonly LayerId[] }>(() => ({ layers: LAYERS }));
