import { mainnetApp } from './mainnet-apps';
import { SITE_HOSTS } from './hosts';

/** Kelp (front end not public): restake ETH, ETHx or stETH for rsETH at /restake; the app lives on the bare and www hosts. */
export const kelp = mainnetApp('kelp', 'Kelp', SITE_HOSTS.kelp);
