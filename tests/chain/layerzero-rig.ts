// LayerZero V2 on the local chains: EndpointV2 and ReceiveUln302 doubles at the real addresses
// (the rig's own copy, from LayerZero's deployment lists, so a mistyped address in lib/ shows),
// and the verifier sets a test gives each OApp's route.
import type { Address } from 'viem';

export const LZ_ENDPOINT: Address = '0x1a44076050125825900e736c501f859c50fE728c';
export const LZ_RECEIVE_ULN_302: Record<1 | 10 | 8453 | 42161, Address> = {
  1: '0xc02Ab410f0734EFa3F14628780e6e695156024C2',
  42161: '0x7B9E184e07a6EE1aC23eAe0fe8D6Be2f663f05e6',
  10: '0x3c4962Ff6258dcfCafD23a814237B7d6Eb712063',
  8453: '0xc70AB6f32772f59fBfc23889Caf4Ba3376C84bAf',
};
export const LZ_EID: Record<1 | 10 | 8453 | 42161, number> = { 1: 30101, 42161: 30110, 10: 30111, 8453: 30184 };

/** Stand-in verifier addresses: only their count matters to the extension. */
export const DVN = {
  a: '0x589dEDbD617e0CBcB916A9223F4d1300c294236b',
  b: '0xa59BA433ac34D2927232918Ef5B2eaAfcF130BA5',
  c: '0xD56e4eAb23cb81f43168F9F45211Eb027b9aC7cc',
  d: '0x380275805876Ff19055EA900CDb2B46a94ecF20D',
} as const satisfies Record<string, Address>;

export type UlnRoute = { required: readonly Address[]; optional?: readonly Address[]; threshold?: number; confirmations?: bigint };

/** A calm day's route: two required verifiers. */
export const TWO_DVNS: UlnRoute = { required: [DVN.a, DVN.b] };

/** The LayerZero OFTs of the registry the rigs configure: on each L2, and their adapters on Ethereum. */
export const LZ_OFTS = {
  rsETH: {
    adapter: '0x85d456B2DfF1fd8245387C0BfB64Dfb700e98Ef3',
    oft: { 42161: '0x4186BFC76E2E237523CBC30FD220FE055156b41F', 10: '0x4186BFC76E2E237523CBC30FD220FE055156b41F', 8453: '0x1Bc71130A0e39942a7658878169764Bbd8A45993' },
  },
  weETH: {
    adapter: '0xcd2eb13D6831d4602D80E5db9230A57596CDCA63',
    oft: { 42161: '0x35751007a407ca6FEFfE80b3cB397736D2cf4dbe', 10: '0x5A7fACB970D094B6C7FF1df0eA68D99E6e73CBFF', 8453: '0x04C0599Ae5A44757c0af6F9eC3b93da8976c150A' },
  },
} as const satisfies Record<string, { adapter: Address; oft: Record<10 | 8453 | 42161, Address> }>;
