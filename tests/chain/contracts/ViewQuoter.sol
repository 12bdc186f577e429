// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IPoolState {
    function token0() external view returns (address);
    function token1() external view returns (address);
    function fee() external view returns (uint24);
    function liquidity() external view returns (uint128);
    function slot0() external view returns (uint160, int24, uint16, uint16, uint16, uint8, bool);
}

/// @notice Uniswap v3 view-quoter test double. Finds the pool by CREATE2 like the real
/// periphery and quotes an exact-input swap inside the current liquidity range only
/// (no tick crossing), which is all a stub pool can express.
/// The factory differs per chain (Base has its own), so it is storage set by the seeder
/// (the code is placed with anvil_setCode: no constructor, no immutables).
contract ViewQuoter {
    // The pool init code hash is the same on every chain the rig stands up.
    bytes32 private constant POOL_INIT_CODE_HASH = 0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54;
    uint256 private constant Q96 = 1 << 96;

    struct QuoteExactInputSingleParams {
        address tokenIn;
        address tokenOut;
        uint256 amountIn;
        uint24 fee;
        uint160 sqrtPriceLimitX96;
    }

    address public factory;

    function setFactory(address factory_) external {
        factory = factory_;
    }

    function computePoolAddress(address tokenA, address tokenB, uint24 fee) public view returns (address) {
        require(factory != address(0), "ViewQuoter: factory not set");
        (address t0, address t1) = tokenA < tokenB ? (tokenA, tokenB) : (tokenB, tokenA);
        bytes32 salt = keccak256(abi.encode(t0, t1, fee));
        return address(uint160(uint256(keccak256(abi.encodePacked(hex"ff", factory, salt, POOL_INIT_CODE_HASH)))));
    }

    function quoteExactInputSingle(QuoteExactInputSingleParams memory params)
        external
        view
        returns (uint256 amountOut, uint160 sqrtPriceX96After, uint32 initializedTicksCrossed, uint256 gasEstimate)
    {
        require(params.tokenIn != params.tokenOut, "ViewQuoter: same token");
        address pool = computePoolAddress(params.tokenIn, params.tokenOut, params.fee);
        require(pool.code.length > 0, "ViewQuoter: pool does not exist");

        bool zeroForOne = params.tokenIn < params.tokenOut;
        IPoolState p = IPoolState(pool);
        require(
            p.token0() == (zeroForOne ? params.tokenIn : params.tokenOut) &&
                p.token1() == (zeroForOne ? params.tokenOut : params.tokenIn),
            "ViewQuoter: tokens do not match pool"
        );
        (uint160 sqrtP, , , , , , ) = p.slot0();
        uint256 liq = p.liquidity();
        require(sqrtP > 0 && liq > 0, "ViewQuoter: no liquidity");

        // The fee is taken from the input before it moves the price (fee in hundredths of a bip).
        uint256 amountIn = (params.amountIn * (1e6 - p.fee())) / 1e6;
        uint256 limit = params.sqrtPriceLimitX96;
        uint256 next;
        if (zeroForOne) {
            // token0 in: price (token1/token0) falls. next = L*Q96 / (L*Q96/sqrtP + amountIn), rounded up.
            uint256 num = liq << 96;
            uint256 den = num / sqrtP + amountIn;
            next = (num + den - 1) / den;
            if (limit != 0 && next < limit) next = limit;
            amountOut = (liq * (sqrtP - next)) / Q96;
        } else {
            // token1 in: price rises by amountIn / L.
            next = sqrtP + (amountIn << 96) / liq;
            if (limit != 0 && next > limit) next = limit;
            // L*Q96/sqrtP - L*Q96/next, split to stay inside 256 bits.
            amountOut = (liq << 96) / sqrtP - (liq << 96) / next;
        }
        sqrtPriceX96After = uint160(next);
        initializedTicksCrossed = 1;
        gasEstimate = 90_000;
    }
}
