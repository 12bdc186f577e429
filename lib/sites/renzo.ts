import { mainnetApp } from './mainnet-apps';
import { SITE_HOSTS } from './hosts';

/** Renzo (front end not public): restake ETH or stETH for ezETH; its L2 pages carry no chain in the URL. */
export const renzo = mainnetApp('renzo', 'Renzo', SITE_HOSTS.renzo);
