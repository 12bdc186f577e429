// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice ether.fi weETH test double: only the exchange-rate views.
contract WeETH {
    /// What a bridge escrow holds: settable, no transfers.
    mapping(address => uint256) public balanceOf;
    uint256 private rate; // eETH per weETH, 1e18 scale

    function decimals() external pure returns (uint8) {
        return 18;
    }

    function symbol() external pure returns (string memory) {
        return "weETH";
    }

    function getRate() external view returns (uint256) {
        return rate;
    }

    function getEETHByWeETH(uint256 weETHAmount) external view returns (uint256) {
        return (weETHAmount * rate) / 1e18;
    }

    function getWeETHByeETH(uint256 eETHAmount) external view returns (uint256) {
        return rate == 0 ? 0 : (eETHAmount * 1e18) / rate;
    }

    function setRate(uint256 newRate) external {
        rate = newRate;
    }

    function setBalance(address owner, uint256 amount) external {
        balanceOf[owner] = amount;
    }
}
