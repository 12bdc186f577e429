// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IWeETHRate {
    function getRate() external view returns (uint256);
}

/// @notice ether.fi instant-redemption test double. The rate is read from the weETH
/// double at its mainnet address, so a single setter moves both.
contract EtherFiRedemptionManager {
    address private constant ETH = 0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE;
    address private constant WEETH = 0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee;

    uint256 private redeemable; // ETH available for instant exit, wei
    uint256 private exitFeeBps;
    bool private isPaused;

    function totalRedeemableAmount(address token) public view returns (uint256) {
        return token == ETH ? redeemable : 0;
    }

    function previewRedeem(uint256 shares, address /* token */) external view returns (uint256) {
        uint256 amount = (shares * IWeETHRate(WEETH).getRate()) / 1e18;
        return (amount * (10000 - exitFeeBps)) / 10000;
    }

    function canRedeem(uint256 amount, address token) external view returns (bool) {
        return !isPaused && amount <= totalRedeemableAmount(token);
    }

    function paused() external view returns (bool) {
        return isPaused;
    }

    function setRedeemable(uint256 amount) external {
        redeemable = amount;
    }

    function setExitFeeBps(uint16 bps) external {
        require(bps <= 10000, "RedemptionManager: fee");
        exitFeeBps = bps;
    }

    function setPaused(bool paused_) external {
        isPaused = paused_;
    }
}
