// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice Curve ETH/<token> pool test double. Not a StableSwap: a spot price with a
/// simple depth-based impact, enough to make larger trades cost more.
/// coin 0 = ETH, coin 1 = the token (as on mainnet); the token is fixed by the subclass.
abstract contract CurveEthPool {
    address private constant ETH = 0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE;

    uint256 private price; // ETH per token, 1e18 scale
    uint256 private depth; // virtual reserve in wei
    uint256 private feeBps;

    function coin1() internal pure virtual returns (address);

    function coins(uint256 i) external pure returns (address) {
        if (i == 0) return ETH;
        if (i == 1) return coin1();
        revert("CurvePool: bad coin index");
    }

    function get_dy(int128 i, int128 j, uint256 dx) external view returns (uint256 out) {
        if (i == 1 && j == 0) {
            out = (dx * price) / 1e18; // token -> ETH
        } else if (i == 0 && j == 1) {
            require(price > 0, "CurvePool: no price");
            out = (dx * 1e18) / price; // ETH -> token
        } else {
            revert("CurvePool: bad indices");
        }
        out = (out * depth) / (depth + dx);
        out = (out * (10000 - feeBps)) / 10000;
    }

    /// The pool's holdings: the ETH side is the depth, the token side the same value at the price.
    function balances(uint256 i) external view returns (uint256) {
        if (i == 0) return depth;
        if (i == 1) return price == 0 ? 0 : (depth * 1e18) / price;
        revert("CurvePool: bad coin index");
    }

    function setMarket(uint256 newPrice, uint256 newDepth, uint256 newFeeBps) external {
        require(newFeeBps <= 10000, "CurvePool: fee");
        price = newPrice;
        depth = newDepth;
        feeBps = newFeeBps;
    }
}
