// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice Uniswap v3 pool test double: state views only, no swaps. Tokens and fee are
/// storage because the code is placed with anvil_setCode (no constructor, no immutables).
contract UniswapV3Pool {
    address public token0;
    address public token1;
    uint24 public fee;
    uint128 public liquidity;
    uint160 private sqrtPriceX96;
    int24 private tick;

    function slot0()
        external
        view
        returns (uint160, int24, uint16 observationIndex, uint16 observationCardinality, uint16 observationCardinalityNext, uint8 feeProtocol, bool unlocked)
    {
        return (sqrtPriceX96, tick, 0, 1, 1, 0, true);
    }

    function tickSpacing() external view returns (int24) {
        if (fee == 100) return 1;
        if (fee == 500) return 10;
        if (fee == 3000) return 60;
        return 200;
    }

    function setTokens(address token0_, address token1_, uint24 fee_) external {
        require(token0_ < token1_, "UniswapV3Pool: unsorted tokens");
        token0 = token0_;
        token1 = token1_;
        fee = fee_;
    }

    function setSlot0(uint160 sqrtPriceX96_, int24 tick_) external {
        sqrtPriceX96 = sqrtPriceX96_;
        tick = tick_;
    }

    function setLiquidity(uint128 liquidity_) external {
        liquidity = liquidity_;
    }
}
