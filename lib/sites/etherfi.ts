import { mainnetApp } from './mainnet-apps';
import { SITE_HOSTS } from './hosts';

/** ether.fi (front end not public): stake ETH for eETH, wrap to weETH; Ethereum mainnet. */
export const etherfi = mainnetApp('etherfi', 'ether.fi', SITE_HOSTS.etherfi);
