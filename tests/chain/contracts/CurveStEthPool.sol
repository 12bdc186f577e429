// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice Curve stETH/ETH pool test double. Not a StableSwap: a spot price with a
/// simple depth-based impact, enough to make larger trades cost more.
/// coin 0 = ETH, coin 1 = stETH (as on mainnet).
contract CurveStEthPool {
    address private constant ETH = 0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE;
    address private constant STETH = 0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84;

    uint256 private price; // ETH per stETH, 1e18 scale
    uint256 private depth; // virtual reserve in wei
    uint256 private feeBps;

    function coins(uint256 i) external pure returns (address) {
        if (i == 0) return ETH;
        if (i == 1) return STETH;
        revert("CurveStEthPool: bad coin index");
    }

    function get_dy(int128 i, int128 j, uint256 dx) external view returns (uint256 out) {
        if (i == 1 && j == 0) {
            out = (dx * price) / 1e18; // stETH -> ETH
        } else if (i == 0 && j == 1) {
            require(price > 0, "CurveStEthPool: no price");
            out = (dx * 1e18) / price; // ETH -> stETH
        } else {
            revert("CurveStEthPool: bad indices");
        }
        out = (out * depth) / (depth + dx);
        out = (out * (10000 - feeBps)) / 10000;
    }

    function setMarket(uint256 newPrice, uint256 newDepth, uint256 newFeeBps) external {
        require(newFeeBps <= 10000, "CurveStEthPool: fee");
        price = newPrice;
        depth = newDepth;
        feeBps = newFeeBps;
    }
}
