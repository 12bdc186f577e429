// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./PauseFlags.sol";

/// @notice Kelp LRTOracle test double: the stored rsETH price.
contract LRTOracle {
    uint256 public rsETHPrice; // ETH per rsETH, 1e18 scale

    function setRsETHPrice(uint256 price) external {
        rsETHPrice = price;
    }
}

/// @notice Kelp LRTWithdrawalManager test double: delay, per-asset queue nonces and liquidity.
contract LRTWithdrawalManager is PauseFlags {
    uint256 public withdrawalDelayBlocks;
    // Kelp's later instant withdrawal: allowed per asset, one fee in bps for all (at most 10%).
    mapping(address => bool) public isInstantWithdrawalEnabled;
    uint256 public instantWithdrawalFee;
    mapping(address => uint256) public nextUnusedNonce;
    mapping(address => uint256) public nextLockedNonce;
    mapping(address => uint256) private available;

    function getAvailableAssetAmount(address asset) external view returns (uint256) {
        return available[asset];
    }

    function setInstantWithdrawal(address asset, bool enabled, uint256 feeBps) external {
        require(feeBps <= 1000, "LRTWithdrawalManager: FeeTooHigh");
        isInstantWithdrawalEnabled[asset] = enabled;
        instantWithdrawalFee = feeBps;
    }

    function setWithdrawalDelayBlocks(uint256 blocks) external {
        withdrawalDelayBlocks = blocks;
    }

    function setAssetState(address asset, uint256 unusedNonce, uint256 lockedNonce, uint256 availableAmount) external {
        require(lockedNonce <= unusedNonce, "LRTWithdrawalManager: locked > unused");
        nextUnusedNonce[asset] = unusedNonce;
        nextLockedNonce[asset] = lockedNonce;
        available[asset] = availableAmount;
    }
}

/// @notice Kelp LRTUnstakingVault test double: pays instant withdrawals from the ETH it holds, less the
/// buffer kept for queued withdrawals (getAssetsAvailableForInstantWithdrawal).
contract LRTUnstakingVault {
    address private constant ETH = 0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE;
    mapping(address => uint256) public queuedWithdrawalsBuffer;

    function getAssetsAvailableForInstantWithdrawal(address asset) external view returns (uint256) {
        uint256 balance = asset == ETH ? address(this).balance : 0;
        uint256 reserved = queuedWithdrawalsBuffer[asset];
        return reserved >= balance ? 0 : balance - reserved;
    }

    function setQueuedWithdrawalsBuffer(address asset, uint256 buffer) external {
        queuedWithdrawalsBuffer[asset] = buffer;
    }
}
