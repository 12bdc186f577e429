// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./PauseFlags.sol";

/// @notice Renzo RestakeManager test double: TVL across operator delegators. The real
/// calculateTVLs reads many oracles and reverts when one is stale; `setTvlReverts` plays that.
contract RestakeManager is PauseFlags {
    error OraclePriceExpired();

    uint256 private totalTVL; // wei
    bool private tvlReverts;

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
    uint256 public coolDownPeriod; // seconds
    mapping(address => uint256) private available;

    function getAvailableToWithdraw(address asset) external view returns (uint256) {
        return available[asset];
    }

    function setCoolDownPeriod(uint256 period) external {
        coolDownPeriod = period;
    }

    function setAvailableToWithdraw(address asset, uint256 amount) external {
        available[asset] = amount;
    }
}
