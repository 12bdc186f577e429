// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./CurveEthPool.sol";

/// @notice Curve frxETH/ETH pool (0xa1F8A6807c402E4A15ef4EBa36528A3FED24E577): coin 1 = frxETH.
contract CurveFrxEthPool is CurveEthPool {
    function coin1() internal pure override returns (address) {
        return 0x5E8422345238F34275888049021821E8E08CAa1f;
    }
}
