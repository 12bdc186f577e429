// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice Mantle LSP Staking test double: mETH <-> ETH conversion.
contract MantleStaking {
    uint256 private rate; // ETH per mETH, 1e18 scale

    function mETHToETH(uint256 mETHAmount) external view returns (uint256) {
        return (mETHAmount * rate) / 1e18;
    }

    function ethToMETH(uint256 ethAmount) external view returns (uint256) {
        return rate == 0 ? 0 : (ethAmount * 1e18) / rate;
    }

    function setRate(uint256 newRate) external {
        rate = newRate;
    }
}

/// @notice Mantle UnstakeRequestsManager test double: finalization delay and deficit.
contract UnstakeRequestsManager {
    uint256 public numberOfBlocksToFinalize;
    uint256 public allocatedETHDeficit; // wei

    function setState(uint256 blocksToFinalize, uint256 deficit) external {
        numberOfBlocksToFinalize = blocksToFinalize;
        allocatedETHDeficit = deficit;
    }
}
