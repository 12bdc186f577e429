// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice EigenLayer DelegationManager test double: the withdrawal delay.
contract DelegationManager {
    uint32 public minWithdrawalDelayBlocks;

    function setMinWithdrawalDelayBlocks(uint32 blocks) external {
        minWithdrawalDelayBlocks = blocks;
    }
}
