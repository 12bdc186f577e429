// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice Lido stETH test double: the buffered ether that can fill withdrawals.
contract StETH {
    uint256 private bufferedEther;

    function decimals() external pure returns (uint8) {
        return 18;
    }

    function symbol() external pure returns (string memory) {
        return "stETH";
    }

    function getBufferedEther() external view returns (uint256) {
        return bufferedEther;
    }

    function setBufferedEther(uint256 amount) external {
        bufferedEther = amount;
    }
}
