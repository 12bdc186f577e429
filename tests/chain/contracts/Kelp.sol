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
    mapping(address => uint256) public nextUnusedNonce;
    mapping(address => uint256) public nextLockedNonce;
    mapping(address => uint256) private available;

    function getAvailableAssetAmount(address asset) external view returns (uint256) {
        return available[asset];
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
