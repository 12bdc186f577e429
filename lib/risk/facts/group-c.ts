import type { TokenRisk } from '../schema';
import { REVIEWED } from './common';


// Shared sources (commits are the snapshots that were read).
const ETHERFI = 'https://github.com/etherfi-protocol/smart-contracts/blob/b4a0968087b178bc346cdf6bee6c0597bf4c42c7';
const ETHERFI_TREE = 'https://github.com/etherfi-protocol/smart-contracts/tree/b4a0968087b178bc346cdf6bee6c0597bf4c42c7';
const RENZO = 'https://github.com/Renzo-Protocol/contracts-public/blob/fc8c8e083852339fbddc7339287e54db77ff3959';
const RENZO_TREE = 'https://github.com/Renzo-Protocol/contracts-public/tree/fc8c8e083852339fbddc7339287e54db77ff3959';
const KELP = 'https://github.com/Kelp-DAO/LRT-rsETH/blob/c289b815eb8f3300ed9feab13ef6b8b05515a15c';
const PUFFER = 'https://github.com/PufferFinance/puffer-contracts/blob/380600060cd231fd8616ba167e674d4140486dbb';
const PUFFER_ACL = 'https://github.com/PufferFinance/Deployments-and-ACL/blob/aa610bc83e976eb92bc3f03affdf260f7904c338';

const EIGENLAYER_CONTRACTS = 'https://github.com/Layr-Labs/eigenlayer-contracts';
const EIGENLAYER_SLASHING = 'https://blog.eigencloud.xyz/intro-to-slashing-on-eigenlayer-operators-edition';

// Aave governance technical reviews (BGD Labs) and incident threads: secondary sources.
const AAVE_WEETH_REVIEW = 'https://governance.aave.com/t/arfc-onboard-weeth-to-aave-v3-on-ethereum/16758/8';
const AAVE_EZETH_REVIEW = 'https://governance.aave.com/t/arfc-onboard-ezeth-to-aave-v3-lido-instance/18504/9';
const AAVE_RSETH_REVIEW = 'https://governance.aave.com/t/arfc-add-rseth-to-aave-v3-ethereum/17696/16';
const AAVE_RSETH_INCIDENT_2026 = 'https://governance.aave.com/t/rseth-incident-2026-04-18/24481';
const AAVE_RSETH_OVERMINT_2025 = 'https://governance.aave.com/t/rseth-precautionary-freezing-30-04-2025/21925';

/* ether.fi: eETH and weETH share the validator set, the protocol and the restaking layer. */
const etherfiConsensus: TokenRisk['consensus'] = {
  level: 'medium',
  why: 'Permissioned: only operators whitelisted by ether.fi run validators (some in Obol/SSV DVT clusters); operator count and concentration not verified.',
  sources: [
    'https://etherfi.gitbook.io/etherfi/node-operators/dapp-walkthrough',
    `${ETHERFI}/src/staking/NodeOperatorManager.sol`,
  ],
  reviewed: REVIEWED,
  confidence: 'primary',
};

const etherfiLst: TokenRisk['lst'] = {
  level: 'medium',
  why: 'Core contracts upgraded by a team 4-of-7 Safe through a 72h timelock, not a DAO vote; 25+ audits incl. Certora; no loss of user funds found.',
  sources: [
    `${ETHERFI}/src/governance/EtherFiTimelock.sol`,
    `${ETHERFI}/script/upgrades/reaudit-fixes/transactions-reaudit-fixes.s.sol`,
    `${ETHERFI_TREE}/audits`,
    AAVE_WEETH_REVIEW,
  ],
  reviewed: REVIEWED,
  confidence: 'primary',
};

const etherfiRestaking: TokenRisk['restaking'] = {
  level: 'medium',
  why: 'Natively restaked on EigenLayer (slashing live since Apr 2025; 14-day exit); AVSs picked by ether.fi operator contracts, current operator sets not verified.',
  sources: [
    EIGENLAYER_CONTRACTS,
    EIGENLAYER_SLASHING,
    'https://github.com/etherfi-protocol/etherfi-avs-operator-CLI',
    `${ETHERFI}/script/deploys/Deployed.s.sol`,
  ],
  reviewed: REVIEWED,
  confidence: 'primary',
};

/* Renzo ezETH */
const renzoConsensus: TokenRisk['consensus'] = {
  level: 'medium',
  why: 'Permissioned: Renzo picks the node and EigenLayer operators, no operator bond; backing also held stETH/wBETH; operator count not verified.',
  sources: [`${RENZO}/README.md`, AAVE_EZETH_REVIEW],
  reviewed: REVIEWED,
  confidence: 'secondary',
};

const renzoLst: TokenRisk['lst'] = {
  level: 'medium',
  why: 'Apr 2024 airdrop sell-off depegged ezETH to ~0.2 ETH on DEXs (liquidations, backing intact); 3-of-5 Safe + 3-day timelock admin; several audits.',
  sources: [
    AAVE_EZETH_REVIEW,
    `${RENZO_TREE}/Audit`,
    'https://www.bankless.com/renzo-madness',
  ],
  reviewed: REVIEWED,
  confidence: 'secondary',
};

const renzoRestaking: TokenRisk['restaking'] = {
  level: 'medium',
  why: 'Restakes via EigenLayer only (slashing live, 14-day exit); Renzo chooses operators and AVSs, current operator sets and AVS list not verified.',
  sources: [EIGENLAYER_CONTRACTS, EIGENLAYER_SLASHING, `${RENZO}/README.md`],
  reviewed: REVIEWED,
  confidence: 'secondary',
};

const renzoWrapper: TokenRisk['wrapper'] = {
  level: 'medium',
  why: 'ezETH is an OZ transparent proxy; upgrades go through a 3-day timelock controlled by a 3-of-5 Safe (per 2024 Aave review).',
  sources: [AAVE_EZETH_REVIEW, `${RENZO}/README.md`],
  reviewed: REVIEWED,
  confidence: 'secondary',
};

/* Kelp rsETH */
const kelpConsensus: TokenRisk['consensus'] = {
  level: 'medium',
  why: 'Backing mixes LSTs (stETH, ETHx) and native ETH run by Kelp-chosen operators; no bond; operator count and concentration not verified.',
  sources: [AAVE_RSETH_REVIEW, `${KELP}/README.md`],
  reviewed: REVIEWED,
  confidence: 'secondary',
};

const kelpLst: TokenRisk['lst'] = {
  level: 'high',
  why: 'Apr 2026 forged LayerZero message freed ~116.5k unbacked rsETH (~$292M, Aave bad debt; backing later refilled); Apr 2025 fee over-mint bug.',
  sources: [AAVE_RSETH_INCIDENT_2026, AAVE_RSETH_OVERMINT_2025],
  reviewed: REVIEWED,
  confidence: 'secondary',
};

const kelpRestaking: TokenRisk['restaking'] = {
  level: 'medium',
  why: 'Restakes via EigenLayer (slashing live, 14-day exit) through Kelp node delegators; which operator sets or AVSs back it not verified.',
  sources: [EIGENLAYER_CONTRACTS, EIGENLAYER_SLASHING, `${KELP}/README.md`],
  reviewed: REVIEWED,
  confidence: 'secondary',
};

const kelpWrapper: TokenRisk['wrapper'] = {
  level: 'medium',
  why: 'rsETH is an OZ transparent proxy; its ProxyAdmin is owned by a timelock with a 10-day delay run by a 6-of-8 Safe (per 2024 Aave review).',
  sources: [`${KELP}/README.md`, AAVE_RSETH_REVIEW],
  reviewed: REVIEWED,
  confidence: 'secondary',
};

/* Puffer pufETH */
const pufferConsensus: TokenRisk['consensus'] = {
  level: 'low',
  why: 'Permissionless operators bond 1 ETH (SGX enclave) or 2 ETH plus validator tickets; Secure-Signer anti-slashing; scale and slashing record not verified.',
  sources: [`${PUFFER}/mainnet-contracts/src/PufferProtocol.sol`, `${PUFFER}/README.md`],
  reviewed: REVIEWED,
  confidence: 'primary',
};

const pufferLst: TokenRisk['lst'] = {
  level: 'medium',
  why: 'Team ops multisig needs a 7-day timelock, but the community multisig can act with no delay; 15+ audits; no loss of user funds found.',
  sources: [
    `${PUFFER}/mainnet-contracts/src/Timelock.sol`,
    `${PUFFER_ACL}/docs/access-control/actors_and_roles.md`,
    `${PUFFER}/README.md`,
  ],
  reviewed: REVIEWED,
  confidence: 'primary',
};

const pufferRestaking: TokenRisk['restaking'] = {
  level: 'medium',
  why: 'Puffer modules delegate to 7 restaking operators on EigenLayer (slashing live, 14-day exit); AVSs need a governance allowlist; operator sets not verified.',
  sources: [
    `${PUFFER_ACL}/docs/deployments/mainnet.md`,
    `${PUFFER_ACL}/docs/access-control/actors_and_roles.md`,
    EIGENLAYER_CONTRACTS,
    EIGENLAYER_SLASHING,
  ],
  reviewed: REVIEWED,
  confidence: 'primary',
};

const pufferWrapper: TokenRisk['wrapper'] = {
  level: 'high',
  why: 'pufETH (PufferVault) is UUPS; the ops multisig waits 7 days, but the community multisig holds the upgrade role with zero delay (threshold not verified).',
  sources: [
    `${PUFFER}/mainnet-contracts/src/PufferVaultV5.sol`,
    `${PUFFER}/mainnet-contracts/script/DeployPufETH.s.sol`,
    `${PUFFER}/mainnet-contracts/src/Timelock.sol`,
    `${PUFFER_ACL}/docs/deployments/mainnet.md`,
  ],
  reviewed: REVIEWED,
  confidence: 'primary',
};

/** Liquid restaking tokens on EigenLayer: ether.fi eETH/weETH, Renzo ezETH, Kelp rsETH, Puffer pufETH. */
export const GROUP_C: TokenRisk[] = [
  {
    symbol: 'eETH',
    consensus: etherfiConsensus,
    lst: etherfiLst,
    restaking: etherfiRestaking,
    wrapper: {
      level: 'medium',
      why: 'eETH is a UUPS proxy; upgrades are authorised only by the upgrade timelock (72h minimum delay) proposed by a 4-of-7 Safe.',
      sources: [`${ETHERFI}/src/core/EETH.sol`, `${ETHERFI}/script/deploys/Deployed.s.sol`, AAVE_WEETH_REVIEW],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
  },
  {
    symbol: 'weETH',
    consensus: etherfiConsensus,
    lst: etherfiLst,
    restaking: etherfiRestaking,
    wrapper: {
      level: 'medium',
      why: 'weETH is a UUPS proxy wrapping UUPS eETH; both upgrade only via the 72h upgrade timelock run by a 4-of-7 Safe, so two upgradeable layers.',
      sources: [`${ETHERFI}/src/core/WeETH.sol`, `${ETHERFI}/script/deploys/Deployed.s.sol`, AAVE_WEETH_REVIEW],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
  },
  {
    symbol: 'ezETH',
    consensus: renzoConsensus,
    lst: renzoLst,
    restaking: renzoRestaking,
    wrapper: renzoWrapper,
  },
  {
    symbol: 'rsETH',
    consensus: kelpConsensus,
    lst: kelpLst,
    restaking: kelpRestaking,
    wrapper: kelpWrapper,
  },
  {
    symbol: 'pufETH',
    consensus: pufferConsensus,
    lst: pufferLst,
    restaking: pufferRestaking,
    wrapper: pufferWrapper,
  },
];
