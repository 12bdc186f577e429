// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./TokenBase.sol";

/// @notice Coinbase cbETH (StakedTokenV1) test double: the oracle-set exchange rate.
contract StakedTokenV1 is TokenBase {
    uint256 private rate; // ETH per cbETH, 1e18 scale

    function symbol() external pure override returns (string memory) {
        return "cbETH";
    }

    function exchangeRate() external view returns (uint256) {
        return rate;
    }

    function setExchangeRate(uint256 newRate) external {
        rate = newRate;
    }
}
