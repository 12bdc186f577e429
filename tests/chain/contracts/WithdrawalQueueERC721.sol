// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice Lido WithdrawalQueueERC721 test double: queue size and status views.
contract WithdrawalQueueERC721 {
    uint256 private unfinalized; // stETH waiting for finalization, wei
    uint256 private lastRequestId;
    uint256 private lastFinalizedRequestId;
    bool private bunker;
    bool private paused;

    function unfinalizedStETH() external view returns (uint256) {
        return unfinalized;
    }

    function unfinalizedRequestNumber() external view returns (uint256) {
        return lastRequestId - lastFinalizedRequestId;
    }

    function getLastRequestId() external view returns (uint256) {
        return lastRequestId;
    }

    function getLastFinalizedRequestId() external view returns (uint256) {
        return lastFinalizedRequestId;
    }

    function isBunkerModeActive() external view returns (bool) {
        return bunker;
    }

    function isPaused() external view returns (bool) {
        return paused;
    }

    function setUnfinalizedStETH(uint256 amount) external {
        unfinalized = amount;
    }

    function setRequestIds(uint256 last, uint256 lastFinalized) external {
        require(lastFinalized <= last, "WithdrawalQueue: finalized > last");
        lastRequestId = last;
        lastFinalizedRequestId = lastFinalized;
    }

    function setBunkerMode(bool active) external {
        bunker = active;
    }

    function setPaused(bool isPaused_) external {
        paused = isPaused_;
    }
}
