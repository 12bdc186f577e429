// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./TokenBase.sol";

/// @notice Swell swETH test double: the ETH rate.
contract SwETH is TokenBase {
    uint256 private rate; // ETH per swETH, 1e18 scale

    function symbol() external pure override returns (string memory) {
        return "swETH";
    }

    function swETHToETHRate() external view returns (uint256) {
        return rate;
    }

    function ethToSwETHRate() external view returns (uint256) {
        return rate == 0 ? 0 : (1e18 * 1e18) / rate;
    }

    function setRate(uint256 newRate) external {
        rate = newRate;
    }
}

/// @notice Swell rswETH test double: the ETH rate.
contract RswETH is TokenBase {
    uint256 private rate; // ETH per rswETH, 1e18 scale

    function symbol() external pure override returns (string memory) {
        return "rswETH";
    }

    function rswETHToETHRate() external view returns (uint256) {
        return rate;
    }

    function ethToRswETHRate() external view returns (uint256) {
        return rate == 0 ? 0 : (1e18 * 1e18) / rate;
    }

    function setRate(uint256 newRate) external {
        rate = newRate;
    }
}

/// @notice Swell swEXIT / rswEXIT withdrawal NFT test double (the same code at both addresses).
contract SwEXIT {
    uint256 private lastTokenIdCreated;
    uint256 private lastTokenIdProcessed;
    uint256 public exitingETH; // wei

    function getLastTokenIdCreated() external view returns (uint256) {
        return lastTokenIdCreated;
    }

    function getLastTokenIdProcessed() external view returns (uint256) {
        return lastTokenIdProcessed;
    }

    function setExitState(uint256 created, uint256 processed, uint256 exiting) external {
        require(processed <= created, "SwEXIT: processed > created");
        lastTokenIdCreated = created;
        lastTokenIdProcessed = processed;
        exitingETH = exiting;
    }
}
