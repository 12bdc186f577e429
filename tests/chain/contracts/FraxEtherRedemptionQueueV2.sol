// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice Frax FraxEtherRedemptionQueueV2 test double: the queue state struct.
contract FraxEtherRedemptionQueueV2 {
    struct RedemptionQueueState {
        uint64 nextNftId;
        uint64 queueLengthSecs;
        uint64 redemptionFee; // 1e6 precision
        uint120 ttlEthRequested;
        uint120 ttlEthServed;
    }

    RedemptionQueueState private state;

    function redemptionQueueState()
        external
        view
        returns (uint64 nextNftId, uint64 queueLengthSecs, uint64 redemptionFee, uint120 ttlEthRequested, uint120 ttlEthServed)
    {
        RedemptionQueueState memory s = state;
        return (s.nextNftId, s.queueLengthSecs, s.redemptionFee, s.ttlEthRequested, s.ttlEthServed);
    }

    function setRedemptionQueueState(
        uint64 nextNftId,
        uint64 queueLengthSecs,
        uint64 redemptionFee,
        uint120 ttlEthRequested,
        uint120 ttlEthServed
    ) external {
        require(redemptionFee <= 1e6, "FraxQueue: fee");
        state = RedemptionQueueState(nextNftId, queueLengthSecs, redemptionFee, ttlEthRequested, ttlEthServed);
    }
}
