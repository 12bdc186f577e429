// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./TokenBase.sol";

/// @notice Liquid Collective LsETH (River) test double: share <-> ETH conversion.
contract LsETH is TokenBase {
    uint256 private rate; // ETH per LsETH, 1e18 scale

    function symbol() external pure override returns (string memory) {
        return "LsETH";
    }

    function underlyingBalanceFromShares(uint256 shares) external view returns (uint256) {
        return (shares * rate) / 1e18;
    }

    function sharesFromUnderlyingBalance(uint256 underlyingBalance) external view returns (uint256) {
        return rate == 0 ? 0 : (underlyingBalance * 1e18) / rate;
    }

    function setRate(uint256 newRate) external {
        rate = newRate;
    }
}

/// @notice Liquid Collective RedeemManager test double: redeem demand and buffered ETH.
contract RedeemManager {
    uint256 private redeemDemand; // wei
    uint256 private bufferedExceedingEth; // wei

    function getRedeemDemand() external view returns (uint256) {
        return redeemDemand;
    }

    function getBufferedExceedingEth() external view returns (uint256) {
        return bufferedExceedingEth;
    }

    function setRedeemState(uint256 demand, uint256 bufferedExceeding) external {
        redeemDemand = demand;
        bufferedExceedingEth = bufferedExceeding;
    }
}
