// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./PauseFlags.sol";

/// @notice Renzo RestakeManager test double: TVL across operator delegators, and their list. The real
/// calculateTVLs reads many oracles and reverts when one is stale; `setTvlReverts` plays that.
contract RestakeManager is PauseFlags {
    error OraclePriceExpired();

    uint256 private totalTVL; // wei
    bool private tvlReverts;
    // The real RestakeManager's `IOperatorDelegator[] public operatorDelegators` (RestakeManagerStorage.sol):
    // its getter reverts past the end, as this one does.
    address[] public operatorDelegators;

    function getOperatorDelegatorsLength() external view returns (uint256) {
        return operatorDelegators.length;
    }

    function setOperatorDelegators(address[] calldata list) external {
        operatorDelegators = list;
    }

    function calculateTVLs()
        external
        view
        returns (uint256[][] memory operatorDelegatorTokenTVLs, uint256[] memory operatorDelegatorTVLs, uint256)
    {
        if (tvlReverts) revert OraclePriceExpired();
        // One operator delegator holding everything as native ETH (one token column).
        operatorDelegatorTokenTVLs = new uint256[][](1);
        operatorDelegatorTokenTVLs[0] = new uint256[](1);
        operatorDelegatorTokenTVLs[0][0] = totalTVL;
        operatorDelegatorTVLs = new uint256[](1);
        operatorDelegatorTVLs[0] = totalTVL;
        return (operatorDelegatorTokenTVLs, operatorDelegatorTVLs, totalTVL);
    }

    function setTotalTVL(uint256 tvl) external {
        totalTVL = tvl;
    }

    function setTvlReverts(bool reverts) external {
        tvlReverts = reverts;
    }
}

interface ICalculateTVLs {
    function calculateTVLs() external view returns (uint256[][] memory, uint256[] memory, uint256);
}

interface ITotalSupply {
    function totalSupply() external view returns (uint256);
}

/// @notice Renzo BalancerRateProvider test double: ezETH rate = total TVL / ezETH supply,
/// read from the RestakeManager and ezETH doubles, so a reverting TVL makes this revert too.
contract BalancerRateProvider {
    address private constant RESTAKE_MANAGER = 0x74a09653A083691711cF8215a6ab074BB4e99ef5;
    address private constant EZETH = 0xbf5495Efe5DB9ce00f80364C8B423567e58d2110;

    function getRate() external view returns (uint256) {
        (, , uint256 totalTVL) = ICalculateTVLs(RESTAKE_MANAGER).calculateTVLs();
        uint256 supply = ITotalSupply(EZETH).totalSupply();
        require(supply > 0, "BalancerRateProvider: no supply");
        return (totalTVL * 1e18) / supply;
    }
}

/// @notice Renzo WithdrawQueue test double: cooldown and per-asset instant liquidity.
contract WithdrawQueue is PauseFlags {
    // An immutable of the real queue: the risk oracle whose pauses gate requests and claims.
    address public constant riskOracleMiddleware = 0x08921F17A32110F8df44A3d5007F2acd09Cfae6d;

    uint256 public coolDownPeriod; // seconds
    mapping(address => uint256) private available;
    mapping(address => uint256) public withdrawalBufferTarget;
    // Whitelisted callers (the instant withdrawer) claim without the cooldown.
    mapping(address => bool) public whitelisted;

    function getAvailableToWithdraw(address asset) external view returns (uint256) {
        return available[asset];
    }

    function setCoolDownPeriod(uint256 period) external {
        coolDownPeriod = period;
    }

    function setAvailableToWithdraw(address asset, uint256 amount) external {
        available[asset] = amount;
    }

    function setWithdrawalBufferTarget(address asset, uint256 target) external {
        withdrawalBufferTarget[asset] = target;
    }

    function setWhitelisted(address account, bool on) external {
        whitelisted[account] = on;
    }
}

/// @notice Renzo RiskOracleMiddleware test double: the pauses it can set over the withdraw queue.
contract RiskOracleMiddleware {
    bool public instantWithdrawPaused;
    bool public withdrawRequestPaused;
    bool public withdrawClaimPaused;
    /// @dev Seconds; the queue applies max(this, its own coolDownPeriod) to a claim.
    uint256 public withdrawCooldownPeriod;

    function setWithdrawCooldownPeriod(uint256 seconds_) external {
        withdrawCooldownPeriod = seconds_;
    }

    function setWithdrawPauses(bool instant, bool request, bool claim) external {
        instantWithdrawPaused = instant;
        withdrawRequestPaused = request;
        withdrawClaimPaused = claim;
    }
}

interface IWithdrawBuffer {
    function withdrawalBufferTarget(address asset) external view returns (uint256);
    function getAvailableToWithdraw(address asset) external view returns (uint256);
}

/// @notice Renzo InstantWithdrawer test double: its buffer details read from the WithdrawQueue double,
/// as the real one does; the queue and ezETH are immutables there, constants here.
contract InstantWithdrawer {
    address public constant withdrawalQueue = 0x5efc9D10E42FB517456f4ac41EB5e2eBe42C8918;
    address public constant ezETH = 0xbf5495Efe5DB9ce00f80364C8B423567e58d2110;

    uint256 public allowedBufferDrawdownBps;
    uint256 public minFeeBps;
    uint256 public maxFeeBps;

    function getBufferDetails(address redeemToken) external view returns (uint256 bufferCapacity, uint256 bufferAvailable, uint256 drawDownLimit) {
        bufferCapacity = IWithdrawBuffer(withdrawalQueue).withdrawalBufferTarget(redeemToken);
        bufferAvailable = IWithdrawBuffer(withdrawalQueue).getAvailableToWithdraw(redeemToken);
        drawDownLimit = (bufferCapacity * allowedBufferDrawdownBps) / 10000;
    }

    function setFeeInfo(uint256 allowedDrawdownBps, uint256 minBps, uint256 maxBps) external {
        require(allowedDrawdownBps <= 10000 && minBps <= maxBps && maxBps <= 10000, "InstantWithdrawer: bps");
        allowedBufferDrawdownBps = allowedDrawdownBps;
        minFeeBps = minBps;
        maxFeeBps = maxBps;
    }
}
