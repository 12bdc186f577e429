// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./PauseFlags.sol";

/// @notice ether.fi WithdrawRequestNFT test double: queue position views.
contract WithdrawRequestNFT is PauseFlags {
    uint32 public nextRequestId;
    uint32 public lastFinalizedRequestId;

    function setRequestIds(uint32 next, uint32 lastFinalized) external {
        require(lastFinalized < next, "WithdrawRequestNFT: finalized >= next");
        nextRequestId = next;
        lastFinalizedRequestId = lastFinalized;
    }
}
