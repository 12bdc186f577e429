// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./PauseFlags.sol";

/// @notice Stader StaderStakePoolsManager test double: the ETHx exchange rate.
contract StaderStakePoolsManager is PauseFlags {
    uint256 private rate; // ETH per ETHx, 1e18 scale

    function getExchangeRate() external view returns (uint256) {
        return rate;
    }

    function setExchangeRate(uint256 newRate) external {
        rate = newRate;
    }
}

/// @notice Stader UserWithdrawalManager test double: withdrawal queue position and size.
contract UserWithdrawalManager is PauseFlags {
    uint256 public nextRequestId;
    uint256 public nextRequestIdToFinalize;
    uint256 public ethRequestedForWithdraw; // wei

    function setQueue(uint256 next, uint256 nextToFinalize, uint256 ethRequested) external {
        require(nextToFinalize <= next, "UserWithdrawalManager: finalize > next");
        nextRequestId = next;
        nextRequestIdToFinalize = nextToFinalize;
        ethRequestedForWithdraw = ethRequested;
    }
}

/// @notice Stader StaderConfig test double: the finalization delay.
contract StaderConfig {
    uint256 private minBlockDelay;

    function getMinBlockDelayToFinalizeWithdrawRequest() external view returns (uint256) {
        return minBlockDelay;
    }

    function setMinBlockDelayToFinalizeWithdrawRequest(uint256 blocks) external {
        minBlockDelay = blocks;
    }
}
