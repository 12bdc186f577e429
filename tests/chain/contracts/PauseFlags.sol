// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice The pause views the protocols expose (OpenZeppelin's paused(), Lido's isStakingPaused()
/// and isStopped()), each a flag a test sets: mixed into the doubles whose real contract has one.
abstract contract PauseFlags {
    mapping(bytes4 => bool) private flags;

    function paused() external view returns (bool) {
        return flags[this.paused.selector];
    }

    function isStakingPaused() external view returns (bool) {
        return flags[this.isStakingPaused.selector];
    }

    function isStopped() external view returns (bool) {
        return flags[this.isStopped.selector];
    }

    /// @param view_ the view's selector, e.g. bytes4(keccak256("paused()")).
    function setPauseFlag(bytes4 view_, bool on) external {
        flags[view_] = on;
    }
}

/// @notice A contract that is nothing but its pause switch (Kelp's deposit pool, ether.fi's OFT adapter).
contract PauseSwitch is PauseFlags {}

/// @notice Kelp LRTDepositPool test double: its pause switch and its list of NodeDelegators.
contract KelpDepositPool is PauseFlags {
    address[] private nodeDelegatorQueue;

    function getNodeDelegatorQueue() external view returns (address[] memory) {
        return nodeDelegatorQueue;
    }

    function setNodeDelegatorQueue(address[] memory queue) external {
        nodeDelegatorQueue = queue;
    }
}

/// @notice OpenZeppelin AccessManager test double (Puffer's): a closed target refuses every restricted call.
contract AccessManager {
    mapping(address => bool) private closed;

    function isTargetClosed(address target) external view returns (bool) {
        return closed[target];
    }

    function setTargetClosed(address target, bool isClosed) external {
        closed[target] = isClosed;
    }
}
