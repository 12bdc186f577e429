import { mainnetApp } from './mainnet-apps';
import { SITE_HOSTS } from './hosts';

/**
 * EigenLayer (front end not public): restake LSTs into strategies. Strategy contracts are linked as
 * explorer /address/ pages; only /token/ links name a token, so a strategy is never taken for one.
 */
export const eigenlayer = mainnetApp('eigenlayer', 'EigenLayer', SITE_HOSTS.eigenlayer);
