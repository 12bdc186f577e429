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
    uint256 private pausedUntilTimestamp; // PausableUntil: paused while block.timestamp <= this

    /// BucketLimiter.Limit, the rate limiter inside RedemptionInfo (four uint64 in one slot).
    struct Limit {
        uint64 capacity;
        uint64 remaining;
        uint64 lastRefill;
        uint64 refillRate;
    }

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

    /// The public getter of `mapping(address => RedemptionInfo) tokenToRedemptionInfo`; only ETH is set here.
    function tokenToRedemptionInfo(address token)
        external
        view
        returns (Limit memory limit, uint16 exitFeeSplitToTreasuryInBps, uint16 exitFeeInBps, uint16 lowWatermarkInBpsOfTvl)
    {
        if (token != ETH) return (limit, 0, 0, 0);
        uint64 units = uint64(redeemable / 1e12); // BUCKET_UNIT_SCALE
        return (Limit(units, units, uint64(block.timestamp), 0), 0, uint16(exitFeeBps), 0);
    }

    function pausedUntil() external view returns (uint256) {
        return pausedUntilTimestamp;
    }

    function setPausedUntil(uint256 timestamp) external {
        pausedUntilTimestamp = timestamp;
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
