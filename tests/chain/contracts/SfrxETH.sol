// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./TokenBase.sol";

/// @notice Frax sfrxETH (ERC-4626 over frxETH) test double: share price views.
contract SfrxETH is TokenBase {
    uint256 private price; // frxETH per sfrxETH, 1e18 scale

    function symbol() external pure override returns (string memory) {
        return "sfrxETH";
    }

    function pricePerShare() external view returns (uint256) {
        return price;
    }

    function convertToAssets(uint256 shares) external view returns (uint256) {
        return (shares * price) / 1e18;
    }

    function convertToShares(uint256 assets) external view returns (uint256) {
        return price == 0 ? 0 : (assets * 1e18) / price;
    }

    function setPricePerShare(uint256 newPrice) external {
        price = newPrice;
    }
}
