// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice EigenLayer AllocationManager test double: per operator, the operator sets it allocates
/// to, its Allocation per (set, strategy), its max magnitude per strategy (WAD until set) and the sets
/// it is registered for. The views have the real ones' shapes; the setters are the test's.
contract AllocationManager {
    struct OperatorSet {
        address avs;
        uint32 id;
    }

    struct Allocation {
        uint64 currentMagnitude;
        int128 pendingDiff;
        uint32 effectBlock;
    }

    uint64 private constant WAD = 1e18;

    mapping(address => OperatorSet[]) private allocatedSets;
    mapping(address => mapping(bytes32 => bool)) private hasSet;
    mapping(address => mapping(bytes32 => mapping(address => Allocation))) private allocations;
    mapping(address => mapping(address => uint64)) private maxMagnitude;
    mapping(address => mapping(address => bool)) private maxMagnitudeSet;
    mapping(address => OperatorSet[]) private registeredSets;

    function key(address avs, uint32 id) private pure returns (bytes32) {
        return bytes32(abi.encodePacked(avs, uint96(id)));
    }

    /// @dev Like the real one: every set the operator allocates to (in any strategy), with this strategy's allocation.
    function getStrategyAllocations(address operator, address strategy)
        external
        view
        returns (OperatorSet[] memory sets, Allocation[] memory allocs)
    {
        sets = allocatedSets[operator];
        allocs = new Allocation[](sets.length);
        for (uint256 i = 0; i < sets.length; i++) allocs[i] = allocations[operator][key(sets[i].avs, sets[i].id)][strategy];
    }

    function getMaxMagnitude(address operator, address strategy) external view returns (uint64) {
        return maxMagnitudeSet[operator][strategy] ? maxMagnitude[operator][strategy] : WAD;
    }

    function getRegisteredSets(address operator) external view returns (OperatorSet[] memory operatorSets) {
        return registeredSets[operator];
    }

    function setAllocation(address operator, address avs, uint32 id, address strategy, uint64 currentMagnitude, int128 pendingDiff, uint32 effectBlock) external {
        bytes32 k = key(avs, id);
        if (!hasSet[operator][k]) {
            hasSet[operator][k] = true;
            allocatedSets[operator].push(OperatorSet(avs, id));
        }
        allocations[operator][k][strategy] = Allocation(currentMagnitude, pendingDiff, effectBlock);
    }

    function setMaxMagnitude(address operator, address strategy, uint64 magnitude) external {
        maxMagnitude[operator][strategy] = magnitude;
        maxMagnitudeSet[operator][strategy] = true;
    }

    /// @dev Registers or deregisters (order of the others is not kept on removal, as EnumerableSet).
    function setRegistered(address operator, address avs, uint32 id, bool registered) external {
        OperatorSet[] storage sets = registeredSets[operator];
        for (uint256 i = 0; i < sets.length; i++) {
            if (sets[i].avs == avs && sets[i].id == id) {
                if (!registered) {
                    sets[i] = sets[sets.length - 1];
                    sets.pop();
                }
                return;
            }
        }
        if (registered) sets.push(OperatorSet(avs, id));
    }
}
