// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./PauseFlags.sol";

interface IStEthPerToken {
    function stEthPerToken() external view returns (uint256);
}

/// @notice Lido stETH test double: the buffered ether that can fill withdrawals, and the
/// share rate, read from the wstETH double (one wstETH = one stETH share) so one setter moves both.
contract StETH is PauseFlags {
    address private constant WSTETH = 0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0;

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

    function getPooledEthByShares(uint256 sharesAmount) external view returns (uint256) {
        return (sharesAmount * IStEthPerToken(WSTETH).stEthPerToken()) / 1e18;
    }

    function getSharesByPooledEth(uint256 ethAmount) external view returns (uint256) {
        uint256 rate = IStEthPerToken(WSTETH).stEthPerToken();
        return rate == 0 ? 0 : (ethAmount * 1e18) / rate;
    }

    function setBufferedEther(uint256 amount) external {
        bufferedEther = amount;
    }
}
