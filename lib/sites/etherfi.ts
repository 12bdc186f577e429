import { mainnetApp } from './mainnet-apps';

/** ether.fi (front end not public): stake ETH for eETH, wrap to weETH; Ethereum mainnet. */
export const etherfi = mainnetApp('etherfi', 'ether.fi', ['app.ether.fi']);
