import type { TokenRisk } from '../schema';
import { PLAIN_LST, REVIEWED } from './common';


// --- Shared rows -----------------------------------------------------------------------------

const LIDO_CONSENSUS: TokenRisk['consensus'] = {
  level: 'low',
  why: 'Dozens of DAO-vetted operators, DVT clusters and a permissionless bonded module (CSM); worst slashing was 20 validators (2023)',
  sources: [
    'https://docs.lido.fi/staking-modules/csm/intro',
    'https://docs.lido.fi/guides/curated-module/general-overview',
    'https://operatorportal.lido.fi/modules/curated-module',
    'https://thedefiant.io/lido-faces-20-eth-slashing-penalty',
  ],
  reviewed: REVIEWED,
  confidence: 'primary',
};

const LIDO_LST: TokenRisk['lst'] = {
  level: 'low',
  why: 'LDO DAO votes pass Dual Governance (3-day timelock, stETH veto); ~100 audit reports; no stETH holder loss in disclosures',
  sources: [
    'https://docs.lido.fi/guides/dg-guide',
    'https://docs.lido.fi/security/audits',
    'https://docs.lido.fi/security/disclosures',
  ],
  reviewed: REVIEWED,
  confidence: 'primary',
};

const FRAX_CONSENSUS: TokenRisk['consensus'] = {
  level: 'medium',
  why: 'Frax added and ran the v1 validators itself; v2 adds bonded validator pools, but how much stake they hold is unverified',
  sources: [
    'https://github.com/FraxFinance/frxETH-public/blob/master/src/OperatorRegistry.sol',
    'https://github.com/FraxFinance/docs/blob/master/pages/protocol/index.mdx',
    'https://github.com/FraxFinance/frxETH-v2-public',
    'https://governance.aave.com/t/arc-proposal-onboarding-sfrxeth-from-frax-protocol-to-aave-v3-ethereum-market/11510/5',
  ],
  reviewed: REVIEWED,
  confidence: 'secondary',
};

const FRAX_LST: TokenRisk['lst'] = {
  level: 'medium',
  why: 'Frax 3-of-5 multisig owns frxETH and can add minters with no delay; audited (Code4rena, Trail of Bits); no loss found',
  sources: [
    'https://github.com/FraxFinance/frxETH-public/blob/master/src/ERC20/ERC20PermitPermissionedMint.sol',
    'https://github.com/FraxFinance/frxETH-public/blob/master/script/deployMainnet.s.sol',
    'https://defirisk.co/protocols/frax/factors/RD-F-026/',
    'https://github.com/FraxFinance/docs/blob/master/pages/protocol/security/audit.mdx',
  ],
  reviewed: REVIEWED,
  confidence: 'secondary',
};

// --- Tokens ----------------------------------------------------------------------------------

/** Static risk facts for the plain ETH LSTs: Lido (stETH, wstETH), Rocket Pool (rETH), Coinbase (cbETH), Frax (frxETH, sfrxETH). */
export const GROUP_A: TokenRisk[] = [
  {
    symbol: 'stETH',
    consensus: LIDO_CONSENSUS,
    lst: LIDO_LST,
    restaking: PLAIN_LST,
    wrapper: {
      level: 'medium',
      why: 'stETH is an Aragon proxy: upgradeable, but only by an LDO vote passing the 3-day Dual Governance timelock',
      sources: [
        'https://docs.lido.fi/deployed-contracts/',
        'https://docs.lido.fi/guides/dg-guide',
        'https://github.com/lidofinance/docs',
      ],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
  },
  {
    symbol: 'wstETH',
    consensus: LIDO_CONSENSUS,
    lst: LIDO_LST,
    restaking: PLAIN_LST,
    wrapper: {
      level: 'low',
      why: 'wstETH is a plain, non-proxy wrapper of stETH shares: not upgradeable (the stETH it holds still is)',
      sources: [
        'https://github.com/lidofinance/core/blob/master/contracts/0.6.12/WstETH.sol',
        'https://docs.lido.fi/contracts/wsteth',
        'https://docs.lido.fi/deployed-contracts/',
      ],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
  },
  {
    symbol: 'rETH',
    consensus: {
      level: 'low',
      why: 'Permissionless node operators who each bond their own ETH per validator; losses hit the operator bond before rETH',
      sources: [
        'https://github.com/rocket-pool/docs.rocketpool.net/blob/main/docs/en/liquid-staking/overview.mdx',
        'https://github.com/rocket-pool/docs.rocketpool.net/blob/main/docs/en/protocol/faq.mdx',
      ],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
    lst: {
      level: 'low',
      why: 'Upgrades need an Oracle DAO vote, then a 7-day delay the pDAO security council can veto; many audits; no user loss found',
      sources: [
        'https://github.com/rocket-pool/rocketpool/blob/master/contracts/contract/dao/node/RocketDAONodeTrustedUpgrade.sol',
        'https://github.com/rocket-pool/rocketpool/blob/master/contracts/contract/dao/protocol/settings/RocketDAOProtocolSettingsSecurity.sol',
        'https://github.com/rocket-pool/docs.rocketpool.net/blob/main/docs/en/upgrades/saturn-1/whats-new.mdx',
        'https://rpips.rocketpool.net/RPIPs/RPIP-60',
      ],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
    restaking: PLAIN_LST,
    wrapper: {
      level: 'low',
      why: 'RocketTokenRETH is not a proxy and cannot be upgraded; it reads its rate from network contracts that DAO upgrades can swap',
      sources: [
        'https://github.com/rocket-pool/rocketpool/blob/master/contracts/contract/token/RocketTokenRETH.sol',
        'https://github.com/rocket-pool/docs.rocketpool.net/blob/main/docs/en/protocol/contracts-usage.md',
      ],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
  },
  {
    symbol: 'cbETH',
    consensus: {
      level: 'high',
      why: 'Coinbase alone runs every validator behind cbETH, with no bond from an independent party; no slashing reported',
      sources: [
        'https://www.stakingrewards.com/defi/0xbe9895146f7af43049ca1c1ae358b0541ea49704',
        'https://hackmd.io/@PrismaRisk/cbETH',
      ],
      reviewed: REVIEWED,
      confidence: 'secondary',
    },
    lst: {
      level: 'medium',
      why: 'Company-run: Coinbase holds every admin role with no on-chain governance or disclosed timelock; OpenZeppelin audit; no incidents found',
      sources: [
        'https://github.com/coinbase/wrapped-tokens-os/blob/main/doc/tokendesign.md',
        'https://blog.openzeppelin.com/coinbase-liquid-staking-token-audit',
        'https://www.stakingrewards.com/defi/0xbe9895146f7af43049ca1c1ae358b0541ea49704',
      ],
      reviewed: REVIEWED,
      confidence: 'secondary',
    },
    restaking: PLAIN_LST,
    wrapper: {
      level: 'high',
      why: 'FiatToken-style proxy: a Coinbase admin key can upgrade it at once; no timelock or multisig threshold disclosed',
      sources: [
        'https://github.com/coinbase/wrapped-tokens-os/blob/main/README.md',
        'https://github.com/coinbase/wrapped-tokens-os/blob/main/contracts/wrapped-tokens/FiatTokenProxy.sol',
        'https://www.stakingrewards.com/defi/0xbe9895146f7af43049ca1c1ae358b0541ea49704',
      ],
      reviewed: REVIEWED,
      confidence: 'secondary',
    },
  },
  {
    symbol: 'frxETH',
    consensus: FRAX_CONSENSUS,
    lst: FRAX_LST,
    restaking: PLAIN_LST,
    wrapper: {
      level: 'low',
      why: 'frxETH is a plain, non-proxy ERC-20 (not upgradeable), though its owner multisig controls who may mint',
      sources: [
        'https://github.com/FraxFinance/frxETH-public/blob/master/src/frxETH.sol',
        'https://github.com/FraxFinance/frxETH-public/blob/master/src/ERC20/ERC20PermitPermissionedMint.sol',
      ],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
  },
  {
    symbol: 'sfrxETH',
    consensus: FRAX_CONSENSUS,
    lst: FRAX_LST,
    restaking: PLAIN_LST,
    wrapper: {
      level: 'low',
      why: 'sfrxETH is a non-proxy ERC-4626 vault over frxETH with no admin role: not upgradeable',
      sources: [
        'https://github.com/FraxFinance/frxETH-public/blob/master/src/sfrxETH.sol',
        'https://github.com/FraxFinance/frxETH-v2-public',
      ],
      reviewed: REVIEWED,
      confidence: 'primary',
    },
  },
];
