// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./PauseFlags.sol";

interface IWeETHGetRate {
    function getRate() external view returns (uint256);
}

/// @notice ether.fi LiquidityPool test double: eETH share <-> ETH conversion, derived from the
/// weETH double's rate (weETH wraps one eETH share) so one setter moves both.
contract LiquidityPool is PauseFlags {
    address private constant WEETH = 0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee;

    function amountForShare(uint256 share) external view returns (uint256) {
        return (share * IWeETHGetRate(WEETH).getRate()) / 1e18;
    }

    function sharesForAmount(uint256 amount) external view returns (uint256) {
        uint256 rate = IWeETHGetRate(WEETH).getRate();
        return rate == 0 ? 0 : (amount * 1e18) / rate;
    }
}
