import { mainnetApp } from './mainnet-apps';

/** Kelp (front end not public): restake ETH, ETHx or stETH for rsETH at /restake; the app lives on the bare and www hosts. */
export const kelp = mainnetApp('kelp', 'Kelp', ['kelpdao.xyz', 'www.kelpdao.xyz']);
