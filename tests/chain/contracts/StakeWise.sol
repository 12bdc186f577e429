// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice StakeWise OsTokenVaultController test double: osETH share <-> ETH conversion.
contract OsTokenVaultController {
    uint256 private rate; // ETH per osETH, 1e18 scale

    function convertToAssets(uint256 shares) external view returns (uint256 assets) {
        return (shares * rate) / 1e18;
    }

    function convertToShares(uint256 assets) external view returns (uint256 shares) {
        return rate == 0 ? 0 : (assets * 1e18) / rate;
    }

    function setRate(uint256 newRate) external {
        rate = newRate;
    }
}

/// @notice StakeWise OsTokenRedeemer test double: the osETH redemption queue.
contract OsTokenRedeemer {
    uint128 public queuedShares;
    uint256 public exitQueueUpdateDelay; // seconds

    function setQueue(uint128 queuedShares_, uint256 exitQueueUpdateDelay_) external {
        queuedShares = queuedShares_;
        exitQueueUpdateDelay = exitQueueUpdateDelay_;
    }
}
