// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./TokenBase.sol";

/// @notice Ankr ankrETH test double. ratio() is ankrETH per 1 ETH (the inverse of a rate).
contract AnkrETH is TokenBase {
    uint256 private ratio_; // ankrETH per ETH, 1e18 scale

    function symbol() external pure override returns (string memory) {
        return "ankrETH";
    }

    function ratio() external view returns (uint256) {
        return ratio_;
    }

    function setRatio(uint256 newRatio) external {
        ratio_ = newRatio;
    }
}
