import { mainnetApp } from './mainnet-apps';

/** Renzo (front end not public): restake ETH or stETH for ezETH; its L2 pages carry no chain in the URL. */
export const renzo = mainnetApp('renzo', 'Renzo', ['app.renzoprotocol.com']);
