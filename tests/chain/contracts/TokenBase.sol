// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./PauseFlags.sol";

/// @notice ERC-20 metadata shared by the token doubles: 18 decimals, a settable supply and
/// settable balances (what a bridge escrow holds). No transfers: the extension only reads.
abstract contract TokenBase {
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;

    function setBalance(address owner, uint256 amount) external {
        balanceOf[owner] = amount;
    }

    function decimals() external pure returns (uint8) {
        return 18;
    }

    function symbol() external view virtual returns (string memory);

    function setTotalSupply(uint256 supply) external {
        totalSupply = supply;
    }
}

/// @notice A token with nothing but metadata (eETH, frxETH, ETHx, mETH, osETH, ezETH, rsETH):
/// the symbol is storage because the same code stands at several addresses.
contract PlainToken is TokenBase, PauseFlags {
    string private sym;

    function symbol() external view override returns (string memory) {
        return sym;
    }

    function setSymbol(string calldata newSymbol) external {
        sym = newSymbol;
    }
}
