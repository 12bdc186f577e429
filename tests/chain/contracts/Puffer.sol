// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./TokenBase.sol";

/// @notice PufferVault (pufETH, ERC-4626 over ETH) test double: share price, exit fee and
/// the vault's daily withdrawal allowance. totalAssets follows supply x rate.
contract PufferVault is TokenBase {
    uint256 private rate; // ETH per pufETH, 1e18 scale
    uint256 private exitFeeBps;
    uint256 private remainingDailyLimit; // wei

    function symbol() external pure override returns (string memory) {
        return "pufETH";
    }

    function convertToAssets(uint256 shares) external view returns (uint256) {
        return (shares * rate) / 1e18;
    }

    function convertToShares(uint256 assets) external view returns (uint256) {
        return rate == 0 ? 0 : (assets * 1e18) / rate;
    }

    function totalAssets() external view returns (uint256) {
        return (totalSupply * rate) / 1e18;
    }

    function getTotalExitFeeBasisPoints() external view returns (uint256) {
        return exitFeeBps;
    }

    function getRemainingAssetsDailyWithdrawalLimit() external view returns (uint256) {
        return remainingDailyLimit;
    }

    function setRate(uint256 newRate) external {
        rate = newRate;
    }

    function setExitFeeBasisPoints(uint256 bps) external {
        require(bps <= 10000, "PufferVault: fee");
        exitFeeBps = bps;
    }

    function setRemainingAssetsDailyWithdrawalLimit(uint256 amount) external {
        remainingDailyLimit = amount;
    }
}

/// @notice PufferWithdrawalManager test double: queue length and finalized batches.
contract PufferWithdrawalManager {
    uint256 private withdrawalsLength;
    uint256 private finalizedBatch;
    uint256 private batchSize;

    function getWithdrawalsLength() external view returns (uint256) {
        return withdrawalsLength;
    }

    function getFinalizedWithdrawalBatch() external view returns (uint256) {
        return finalizedBatch;
    }

    // A constant on mainnet; storage here so a test can change it.
    function BATCH_SIZE() external view returns (uint256) {
        return batchSize;
    }

    function setQueue(uint256 length, uint256 finalized, uint256 batchSize_) external {
        withdrawalsLength = length;
        finalizedBatch = finalized;
        batchSize = batchSize_;
    }
}
