// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice Lido HashConsensus (accounting oracle) test double: frame and chain config,
/// plus the current frame derived from them the way the real contract does.
contract HashConsensus {
    uint256 private initialEpoch;
    uint256 private epochsPerFrame;
    uint256 private fastLaneLengthSlots;
    uint256 private slotsPerEpoch;
    uint256 private secondsPerSlot;
    uint256 private genesisTime;

    function getFrameConfig() external view returns (uint256, uint256, uint256) {
        return (initialEpoch, epochsPerFrame, fastLaneLengthSlots);
    }

    function getChainConfig() external view returns (uint256, uint256, uint256) {
        return (slotsPerEpoch, secondsPerSlot, genesisTime);
    }

    function getCurrentFrame() external view returns (uint256 refSlot, uint256 reportProcessingDeadlineSlot) {
        require(epochsPerFrame > 0 && slotsPerEpoch > 0 && secondsPerSlot > 0, "HashConsensus: not configured");
        uint256 epoch = (block.timestamp - genesisTime) / secondsPerSlot / slotsPerEpoch;
        uint256 frameIndex = epoch < initialEpoch ? 0 : (epoch - initialEpoch) / epochsPerFrame;
        uint256 frameStartSlot = (initialEpoch + frameIndex * epochsPerFrame) * slotsPerEpoch;
        refSlot = frameStartSlot - 1;
        reportProcessingDeadlineSlot = frameStartSlot + epochsPerFrame * slotsPerEpoch - 1;
    }

    function setFrameConfig(uint256 initialEpoch_, uint256 epochsPerFrame_, uint256 fastLaneLengthSlots_) external {
        initialEpoch = initialEpoch_;
        epochsPerFrame = epochsPerFrame_;
        fastLaneLengthSlots = fastLaneLengthSlots_;
    }

    function setChainConfig(uint256 slotsPerEpoch_, uint256 secondsPerSlot_, uint256 genesisTime_) external {
        slotsPerEpoch = slotsPerEpoch_;
        secondsPerSlot = secondsPerSlot_;
        genesisTime = genesisTime_;
    }
}
