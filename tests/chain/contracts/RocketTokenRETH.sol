// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./TokenBase.sol";

/// @notice Rocket Pool rETH test double: exchange rate and the collateral held by the token.
contract RocketTokenRETH is TokenBase {
    uint256 private rate; // ETH per rETH, 1e18 scale
    uint256 private collateral; // wei

    function symbol() external pure override returns (string memory) {
        return "rETH";
    }

    function getExchangeRate() external view returns (uint256) {
        return rate;
    }

    function getEthValue(uint256 rethAmount) external view returns (uint256) {
        return (rethAmount * rate) / 1e18;
    }

    function getRethValue(uint256 ethAmount) external view returns (uint256) {
        return rate == 0 ? 0 : (ethAmount * 1e18) / rate;
    }

    function getTotalCollateral() external view returns (uint256) {
        return collateral;
    }

    function setExchangeRate(uint256 newRate) external {
        rate = newRate;
    }

    function setTotalCollateral(uint256 amount) external {
        collateral = amount;
    }
}
