// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice Lido wstETH test double: only the exchange-rate views.
contract WstETH {
    /// What a bridge escrow holds: settable, no transfers.
    mapping(address => uint256) public balanceOf;
    uint256 private rate; // stETH per wstETH, 1e18 scale

    function decimals() external pure returns (uint8) {
        return 18;
    }

    function symbol() external pure returns (string memory) {
        return "wstETH";
    }

    function stEthPerToken() external view returns (uint256) {
        return rate;
    }

    function tokensPerStEth() external view returns (uint256) {
        return rate == 0 ? 0 : (1e18 * 1e18) / rate;
    }

    function getStETHByWstETH(uint256 wstETHAmount) external view returns (uint256) {
        return (wstETHAmount * rate) / 1e18;
    }

    function getWstETHByStETH(uint256 stETHAmount) external view returns (uint256) {
        return rate == 0 ? 0 : (stETHAmount * 1e18) / rate;
    }

    function setStEthPerToken(uint256 newRate) external {
        rate = newRate;
    }

    function setBalance(address owner, uint256 amount) external {
        balanceOf[owner] = amount;
    }
}
