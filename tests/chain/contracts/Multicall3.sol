// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice Test double of the canonical Multicall3. Same external ABI as the real
/// deployment at 0xcA11bde05977b3631167028862bE2a173976CA11 so viem's `multicall`
/// works against it unchanged.
contract Multicall3 {
    struct Call3 {
        address target;
        bool allowFailure;
        bytes callData;
    }

    struct Result {
        bool success;
        bytes returnData;
    }

    function aggregate3(Call3[] calldata calls) external payable returns (Result[] memory results) {
        results = new Result[](calls.length);
        for (uint256 k = 0; k < calls.length; k++) {
            (bool ok, bytes memory data) = calls[k].target.call(calls[k].callData);
            if (!ok && !calls[k].allowFailure) revert("Multicall3: call failed");
            results[k] = Result(ok, data);
        }
    }

    function getCurrentBlockTimestamp() external view returns (uint256) {
        return block.timestamp;
    }

    function getBlockNumber() external view returns (uint256) {
        return block.number;
    }

    function getEthBalance(address addr) external view returns (uint256) {
        return addr.balance;
    }

    function getChainId() external view returns (uint256) {
        return block.chainid;
    }

    function getBasefee() external view returns (uint256) {
        return block.basefee;
    }
}
