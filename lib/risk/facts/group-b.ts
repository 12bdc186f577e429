import type { TokenRisk } from '../schema';
import { PLAIN_LST, REVIEWED } from './common';

/** Static risk facts for osETH, ETHx, mETH, swETH, rswETH, LsETH and ankrETH (validators, protocol, restaking, token contract). */
export const GROUP_B: TokenRisk[] = [
  {
    symbol: 'osETH',
    consensus: {
      level: 'low',
      why: 'Permissionless StakeWise vaults: anyone can run validators, hundreds of operators (e.g. NodeSet); osETH is overcollateralised; slashing history unchecked',
      sources: [
        'https://docs.stakewise.io/protocol-overview-in-depth/vaults',
        'https://forum.stakewise.io/t/swip-32-allow-100-oseth-minting-in-the-nodeset-private-vault-on-ethereum/1905',
      ],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
    lst: {
      level: 'medium',
      why: 'Core immutable, 7 audits; but 4/7 DAO Safe can add osETH minters/burners with no on-chain timelock (used Nov 2025 after the Balancer exploit)',
      sources: [
        'https://github.com/stakewise/v3-core/tree/748bb38a8b1e30a47590327530e8c3d3910fb662/audits',
        'https://github.com/stakewise/v3-core/blob/748bb38a8b1e30a47590327530e8c3d3910fb662/contracts/tokens/OsToken.sol',
        'https://forum.stakewise.io/t/swip-37-renounce-oseth-osgno-token-contract-ownership-from-the-dao-address/1990',
        'https://www.dlnews.com/articles/defi/stakewise-uses-loophole-to-take-back-funds-from-balancer-hacker',
        'https://defirisk.co/protocols/stakewise/factors/RD-F-102/',
      ],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
    restaking: PLAIN_LST,
    wrapper: {
      level: 'low',
      why: 'OsToken is not a proxy (Ownable2Step ERC20); its owner, the DAO Safe, can still enable controllers that mint or burn',
      sources: [
        'https://github.com/stakewise/v3-core/blob/748bb38a8b1e30a47590327530e8c3d3910fb662/contracts/tokens/OsToken.sol',
        'https://github.com/stakewise/v3-core/blob/748bb38a8b1e30a47590327530e8c3d3910fb662/deployments/mainnet.json',
      ],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
  },
  {
    symbol: 'ETHx',
    consensus: {
      level: 'low',
      why: 'Permissionless pool bonded with 4 ETH + SD per validator, plus a few KYC-vetted unbonded operators; pool split and slashing history not checked',
      sources: [
        'https://www.staderlabs.com/docs-v1/Ethereum/Node-operator/',
        'https://forum.staderlabs.com/t/ethx-node-operator-selection-criteria/630',
      ],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
    lst: {
      level: 'low',
      why: 'Upgrades only via a 7-day timelock held by a 6/9 community multisig; audited by Sigma Prime, Halborn, Code4rena; no ETHx loss (2022 NearX bug was on NEAR)',
      sources: [
        'https://staderlabs.gitbook.io/ethereum/readme/ethx-governance',
        'https://www.staderlabs.com/docs-v1/Ethereum/ethx-security/',
        'https://www.staderlabs.com/blog/hbarx-update-on-nearx-security-incident/',
      ],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
    restaking: PLAIN_LST,
    wrapper: {
      level: 'medium',
      why: 'ETHx is an upgradeable proxy; upgrades go through a timelock of at least 7 days controlled by a 6-of-9 multisig (per Stader docs, not read on-chain)',
      sources: [
        'https://github.com/stader-labs/ethx/blob/9d4a9211431d6c0cdf014bd64d3718cba4ce96ab/README.md',
        'https://staderlabs.gitbook.io/ethereum/readme/ethx-governance',
      ],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
  },
  {
    symbol: 'mETH',
    consensus: {
      level: 'medium',
      why: 'Permissioned: a small team-selected set of professional node operators, no operator bond; exact count and slashing history not verified',
      sources: ['https://docs.mantle.xyz/meth/dev/node-operators'],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
    lst: {
      level: 'medium',
      why: 'Security Council multisig (6/14) can upgrade all contracts and change withdrawal addresses; timelock delay is 0; audited, no user-fund loss found',
      sources: [
        'https://docs.mantle.xyz/meth/concepts/risk-management/custody',
        'https://github.com/mantle-lsp/contracts/blob/afa686bbe9057b16e39786b3a01f21d8fe731af0/broadcast/deploy.s.sol/1/deploy-latest.json',
        'https://github.com/mantle-lsp/contracts/tree/afa686bbe9057b16e39786b3a01f21d8fe731af0/audit',
        'https://defirisk.co/protocols/meth-protocol/factors/RD-F-182/',
      ],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
    restaking: {
      level: 'none',
      why: 'Plain LST: not restaked (restaking is the separate cmETH token)',
      sources: [],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
    wrapper: {
      level: 'high',
      why: 'mETH is a TransparentUpgradeableProxy; its admin is a TimelockController deployed with a 0 delay, driven by the 6/14 Security Council Safe',
      sources: [
        'https://github.com/mantle-lsp/contracts/blob/afa686bbe9057b16e39786b3a01f21d8fe731af0/broadcast/deploy.s.sol/1/deploy-latest.json',
        'https://github.com/mantle-lsp/contracts/blob/afa686bbe9057b16e39786b3a01f21d8fe731af0/README.md',
        'https://defirisk.co/protocols/meth-protocol/factors/RD-F-182/',
      ],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
  },
  {
    symbol: 'swETH',
    consensus: {
      level: 'medium',
      why: 'Permissioned set: operators are added by the Swell platform admin; 8 institutional operators reported in 2023, no operator bond',
      sources: [
        'https://github.com/SwellNetwork/v3-core-public/blob/ba1eeff12ab994a26492fa5dcd0aa8937733dbb4/contracts/lst/contracts/implementations/NodeOperatorRegistry.sol',
        'https://forum.raft.fi/t/proposal-add-sweth-as-collateral-to-mint-r/98',
      ],
      reviewed: REVIEWED,
      confidence: 'secondary',
    },
    lst: {
      level: 'medium',
      why: 'Upgradeable contracts, several audits (Sigma Prime, Cyfrin); 2023 repricing report bug without user loss; upgrade admin/timelock not verified',
      sources: [
        'https://github.com/SwellNetwork/v3-core-public/tree/ba1eeff12ab994a26492fa5dcd0aa8937733dbb4/Audit%20Reports',
        'https://github.com/SwellNetwork/v3-core-public/blob/ba1eeff12ab994a26492fa5dcd0aa8937733dbb4/Bug%20Reports/20230515%20Repricing.md',
      ],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
    restaking: PLAIN_LST,
    wrapper: {
      level: 'unknown',
      why: 'Not verified: swETH is an upgradeable ERC20 behind a proxy, but its proxy admin, multisig threshold and any timelock were not found',
      sources: [
        'https://github.com/SwellNetwork/v3-core-public/blob/ba1eeff12ab994a26492fa5dcd0aa8937733dbb4/contracts/lst/contracts/implementations/swETH.sol',
      ],
      reviewed: REVIEWED,
      confidence: 'unverified',
    },
  },
  {
    symbol: 'rswETH',
    consensus: {
      level: 'medium',
      why: 'Permissioned: validators run by a small set of operators added by the Swell admin (launch partners incl. InfStones, Everstake, Pier Two), no bond',
      sources: [
        'https://github.com/SwellNetwork/v3-core-public/blob/ba1eeff12ab994a26492fa5dcd0aa8937733dbb4/contracts/lrt/contracts/implementations/NodeOperatorRegistry.sol',
        'https://swellnetwork.io/liquid-restaking',
      ],
      reviewed: REVIEWED,
      confidence: 'secondary',
    },
    lst: {
      level: 'medium',
      why: 'Upgradeable Swell LRT contracts audited by Sigma Prime and Nethermind; no user-fund loss found; upgrade admin/timelock not verified',
      sources: [
        'https://github.com/SwellNetwork/v3-core-public/tree/ba1eeff12ab994a26492fa5dcd0aa8937733dbb4/Audit%20Reports',
      ],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
    restaking: {
      level: 'medium',
      why: 'Native EigenLayer restaking, pods delegated to Swell-picked operators; slashing live since 2025, AVS allocation unverified; 14-day exit delay',
      sources: [
        'https://github.com/SwellNetwork/v3-core-public/blob/ba1eeff12ab994a26492fa5dcd0aa8937733dbb4/contracts/lrt/contracts/implementations/EigenLayerManager.sol',
        'https://github.com/Layr-Labs/eigenlayer-contracts',
      ],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
    wrapper: {
      level: 'unknown',
      why: 'Not verified: rswETH is an upgradeable ERC20 behind a proxy, but its proxy admin, multisig threshold and any timelock were not found',
      sources: [
        'https://github.com/SwellNetwork/v3-core-public/blob/ba1eeff12ab994a26492fa5dcd0aa8937733dbb4/contracts/lrt/contracts/implementations/RswETH.sol',
      ],
      reviewed: REVIEWED,
      confidence: 'unverified',
    },
  },
  {
    symbol: 'LsETH',
    consensus: {
      level: 'medium',
      why: 'Small approved set of KYC-checked enterprise operators, no on-chain bond; backed by a slashing coverage programme (Nexus Mutual + operator deductibles)',
      sources: [
        'https://docs.liquidcollective.io/eth/node-operations/validator-infrastructure',
        'https://docs.liquidcollective.io/eth/overview/slashing-coverage',
      ],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
    lst: {
      level: 'medium',
      why: 'Multisig-only governance (no on-chain vote or timelock); audited by Spearbit and Halborn; no loss of user funds found',
      sources: [
        'https://github.com/liquid-collective/liquid-collective-protocol/tree/ae4f2ce33e333fe303db5bc3503bd0730eeb959b/audits',
        'https://github.com/liquid-collective/liquid-collective-protocol/tree/ae4f2ce33e333fe303db5bc3503bd0730eeb959b/deploy/mainnet',
        'https://www.defirisk.co/protocols/liquid-collective/factors/RD-F-025/',
      ],
      reviewed: REVIEWED,
      confidence: 'secondary',
    },
    restaking: PLAIN_LST,
    wrapper: {
      level: 'high',
      why: 'River (LsETH) is a TUPProxy whose admin is a 4-of-7 Safe (0x8EE3…09f3) with no timelock found in front of upgrades',
      sources: [
        'https://github.com/liquid-collective/liquid-collective-protocol/blob/ae4f2ce33e333fe303db5bc3503bd0730eeb959b/deployments/mainnet/River_Proxy.json',
        'https://github.com/liquid-collective/liquid-collective-protocol/blob/ae4f2ce33e333fe303db5bc3503bd0730eeb959b/hardhat.config.ts',
        'https://www.defirisk.co/protocols/liquid-collective/factors/RD-F-025/',
      ],
      reviewed: REVIEWED,
      confidence: 'secondary',
    },
  },
  {
    symbol: 'ankrETH',
    consensus: {
      level: 'high',
      why: 'Ankr docs describe ~1,700 validators as its own; no independent operator set or operator bond found',
      sources: ['https://ankr.com/docs/staking/liquid-staking/eth/staking-mechanics'],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
    lst: {
      level: 'high',
      why: "Dec 2022: stolen deployer key let an attacker upgrade Ankr's BNB-chain aBNBc and mint it (~$5M drained); ankrETH not hit, same team and key model",
      sources: [
        'https://www.ankr.com/blog/after-action-report-our-findings-from-abnbc-token-exploit/',
        'https://bitcoinethereumnews.com/tech/ankr-exploit-causes-collateral-damage',
      ],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
    restaking: PLAIN_LST,
    wrapper: {
      level: 'unknown',
      why: 'Not verified: ankrETH is reported upgradeable (third-party code only); its admin, multisig threshold and any timelock were not found',
      sources: [],
      reviewed: REVIEWED,
      confidence: 'unverified',
    },
  },
];
