// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice ether.fi WithdrawRequestNFT test double: queue position views.
contract WithdrawRequestNFT {
    uint32 public nextRequestId;
    uint32 public lastFinalizedRequestId;

    function setRequestIds(uint32 next, uint32 lastFinalized) external {
        require(lastFinalized < next, "WithdrawRequestNFT: finalized >= next");
        nextRequestId = next;
        lastFinalizedRequestId = lastFinalized;
    }
}
