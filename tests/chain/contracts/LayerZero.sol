// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice LayerZero V2 EndpointV2 test double: the receive library each OApp uses per source
/// chain (the default unless one is set), the one view the extension reads.
contract EndpointV2 {
    address public defaultReceiveLibrary;
    mapping(address => mapping(uint32 => address)) private custom;

    function getReceiveLibrary(address receiver, uint32 srcEid) external view returns (address lib, bool isDefault) {
        lib = custom[receiver][srcEid];
        if (lib == address(0)) return (defaultReceiveLibrary, true);
        return (lib, false);
    }

    function setDefaultReceiveLibrary(address lib) external {
        defaultReceiveLibrary = lib;
    }

    function setReceiveLibrary(address receiver, uint32 srcEid, address lib) external {
        custom[receiver][srcEid] = lib;
    }
}

/// @notice LayerZero V2 ReceiveUln302 test double: the effective ULN config (verifiers) of each
/// OApp per source chain, as getUlnConfig returns it.
contract ReceiveUln302 {
    struct UlnConfig {
        uint64 confirmations;
        uint8 requiredDVNCount;
        uint8 optionalDVNCount;
        uint8 optionalDVNThreshold;
        address[] requiredDVNs;
        address[] optionalDVNs;
    }

    mapping(address => mapping(uint32 => UlnConfig)) private configs;

    function getUlnConfig(address oapp, uint32 remoteEid) external view returns (UlnConfig memory) {
        return configs[oapp][remoteEid];
    }

    function setUlnConfig(address oapp, uint32 remoteEid, uint64 confirmations, address[] calldata requiredDVNs, address[] calldata optionalDVNs, uint8 optionalThreshold) external {
        UlnConfig storage c = configs[oapp][remoteEid];
        c.confirmations = confirmations;
        c.requiredDVNCount = uint8(requiredDVNs.length);
        c.optionalDVNCount = uint8(optionalDVNs.length);
        c.optionalDVNThreshold = optionalThreshold;
        c.requiredDVNs = requiredDVNs;
        c.optionalDVNs = optionalDVNs;
    }
}
