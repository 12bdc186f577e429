// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice WETH test double: balances a test sets (the Puffer vault holds its liquidity as WETH).
contract WETH9 {
    mapping(address => uint256) public balanceOf;

    function symbol() external pure returns (string memory) {
        return "WETH";
    }

    function decimals() external pure returns (uint8) {
        return 18;
    }

    function setBalance(address owner, uint256 amount) external {
        balanceOf[owner] = amount;
    }
}
