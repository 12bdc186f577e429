// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice EigenLayer DelegationManager test double: the withdrawal delay, who each staker is
/// delegated to, and the shares of stakers and operators per strategy (set by the test).
contract DelegationManager {
    uint32 public minWithdrawalDelayBlocks;
    mapping(address => address) public delegatedTo;
    mapping(address => mapping(address => uint256)) private stakerShares;
    mapping(address => mapping(address => uint256)) private operatorShares;

    function setMinWithdrawalDelayBlocks(uint32 blocks) external {
        minWithdrawalDelayBlocks = blocks;
    }

    /// @dev The real one returns (withdrawable, deposit) shares; the double holds one figure for both.
    function getWithdrawableShares(address staker, address[] memory strategies)
        external
        view
        returns (uint256[] memory withdrawableShares, uint256[] memory depositShares)
    {
        withdrawableShares = new uint256[](strategies.length);
        depositShares = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; i++) {
            withdrawableShares[i] = stakerShares[staker][strategies[i]];
            depositShares[i] = stakerShares[staker][strategies[i]];
        }
    }

    function getOperatorShares(address operator, address[] memory strategies) external view returns (uint256[] memory shares) {
        shares = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; i++) shares[i] = operatorShares[operator][strategies[i]];
    }

    function setDelegation(address staker, address operator) external {
        delegatedTo[staker] = operator;
    }

    function setStakerShares(address staker, address strategy, uint256 shares) external {
        stakerShares[staker][strategy] = shares;
    }

    function setOperatorShares(address operator, address strategy, uint256 shares) external {
        operatorShares[operator][strategy] = shares;
    }
}
