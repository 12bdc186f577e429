import { mainnetApp } from './mainnet-apps';
import { SITE_HOSTS } from './hosts';

/**
 * Lido's staking widget (lidofinance/ethereum-staking-widget): /, /wrap, /wrap/unwrap,
 * /withdrawals/request|claim, /rewards. Mainnet only (the testnet widget has its own host).
 * Symbols sit in text split across nodes ("1 ", "stETH", " =", then FormatToken's
 * `<span>0.8512&nbsp;wstETH</span>`); the one token address on the page is the statistics
 * section's "View on Etherscan" link (etherscan.io/token/<stETH>).
 */
export const lido = mainnetApp('lido', 'Lido', SITE_HOSTS.lido);
