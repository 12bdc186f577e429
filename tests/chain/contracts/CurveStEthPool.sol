// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./CurveEthPool.sol";

/// @notice Curve stETH/ETH pool (0xDC24316b9AE028F1497c275EB9192a3Ea0f67022): coin 1 = stETH.
contract CurveStEthPool is CurveEthPool {
    function coin1() internal pure override returns (address) {
        return 0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84;
    }
}
