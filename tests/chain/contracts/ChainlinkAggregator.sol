// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice Chainlink price feed test double (the same code stands at several feed addresses).
/// With no pinned updatedAt the feed reports block.timestamp, so it stays fresh as the
/// chain advances; pin an old timestamp to simulate a stale feed.
contract ChainlinkAggregator {
    int256 private answer;
    uint80 private roundId;
    uint256 private pinnedUpdatedAt; // 0 = follow block.timestamp
    string private desc;

    function decimals() external pure returns (uint8) {
        return 18;
    }

    function description() external view returns (string memory) {
        return desc;
    }

    function version() external pure returns (uint256) {
        return 4;
    }

    function latestAnswer() external view returns (int256) {
        return answer;
    }

    function latestRoundData()
        external
        view
        returns (uint80, int256, uint256 startedAt, uint256 updatedAt, uint80)
    {
        updatedAt = pinnedUpdatedAt == 0 ? block.timestamp : pinnedUpdatedAt;
        startedAt = updatedAt;
        return (roundId, answer, startedAt, updatedAt, roundId);
    }

    function setAnswer(int256 newAnswer) external {
        answer = newAnswer;
        roundId += 1;
    }

    function setUpdatedAt(uint256 updatedAt) external {
        pinnedUpdatedAt = updatedAt;
    }

    function setDescription(string calldata newDescription) external {
        desc = newDescription;
    }
}
