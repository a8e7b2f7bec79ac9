# SPDX-License-Identifier: GPL-2.0
"""The CPU and memory as QEMU's gdbstub shows them.

Memory that gdb reads goes through the CPU's current translation: physical
addresses while the MMU is off, virtual ones once it is on. read_phys()
asks QEMU for physical accesses (its `Qqemu.PhyMemMode` packet) when the
MMU is on, so page tables can be read wherever they are."""

import struct

import gdb

# The SCTLR_EL1 / TTBRn_EL1 / TCR_EL1 names QEMU's gdbstub uses. SCTLR_EL1
# shares its register with AArch32 SCTLR, and QEMU 7.2 names it so.
_ALIASES = {
    'SCTLR_EL1': ('SCTLR_EL1', 'SCTLR'),
    'TTBR0_EL1': ('TTBR0_EL1',),
    'TTBR1_EL1': ('TTBR1_EL1',),
    'TCR_EL1': ('TCR_EL1',),
    'MAIR_EL1': ('MAIR_EL1',),
}

SCTLR_M = 1 << 0


class TargetError(gdb.GdbError):
    pass


def reg(name):
    """A system or general register's value as an unsigned int."""
    for alias in _ALIASES.get(name, (name,)):
        try:
            value = gdb.parse_and_eval('$' + alias)
        except gdb.error:
            continue
        if value.type.code == gdb.TYPE_CODE_VOID:
            continue       # gdb's "void" for an unknown $name
        return int(value) & (2**64 - 1)
    raise TargetError(f'the target shows no {name} register (is this QEMU\'s '
                      f'gdbstub, with the CPU in AArch64?)')


def mmu_on():
    return bool(reg('SCTLR_EL1') & SCTLR_M)


def read(addr, size):
    """Bytes at addr as the CPU sees it now."""
    try:
        return bytes(gdb.selected_inferior().read_memory(addr, size))
    except gdb.MemoryError as e:
        raise TargetError(f'cannot read {size} bytes at {addr:#x}: {e}') from None


def _phys_mode(on):
    gdb.execute(f'maintenance packet Qqemu.PhyMemMode:{1 if on else 0}',
                to_string=True)


def read_phys(addr, size):
    """Bytes at physical address addr, whatever the MMU is doing."""
    if not mmu_on():
        return read(addr, size)
    _phys_mode(True)
    try:
        return read(addr, size)
    finally:
        _phys_mode(False)


def u64(data, off=0):
    return struct.unpack_from('<Q', data, off)[0]


def u32(data, off=0):
    return struct.unpack_from('<I', data, off)[0]
