# SPDX-License-Identifier: GPL-2.0
"""gdb commands for headstart, all under the `hs` prefix:

  hs phys-symbols [PA]   vmlinux symbols at physical addresses (MMU off)
  hs virt-symbols        vmlinux symbols where the image runs (MMU on; KASLR)
  hs symbols             whichever of the two the CPU's SCTLR_EL1.M calls for
  hs mmu-on              run to __primary_switched (after KASLR), virtual symbols
  hs dmesg               the kernel log buffer
  hs vtop ADDRESS        page-table walk through TTBR0/TTBR1, level by level
  hs pa SYMBOL|VA        VA -> PA: the kernel image (kimage_voffset) or the linear map
  hs va PA               PA -> VA: in the kernel image and in the linear map
  hs current, $current   the task the CPU runs
  hs ps                  every task: pid, state, CPU, command
  hs list HEAD TYPE MEMBER [FIELD]   walk a struct list_head
  $container_of(PTR, "TYPE", "MEMBER")
"""

import gdb


class Hs(gdb.Command):
    """headstart kernel debugging commands: see `help hs` for the list and
Documentation/dev-tools/gdb.rst for a walk-through."""

    def __init__(self):
        super().__init__('hs', gdb.COMMAND_USER, prefix=True)


_registered = False


def register():
    global _registered
    if _registered:
        return
    from . import dmesg, mm, pgtable, symbols, tasks, unwind
    Hs()
    symbols.PhysSymbols()
    symbols.VirtSymbols()
    symbols.Symbols()
    symbols.MmuOn()
    dmesg.Dmesg()
    pgtable.Vtop()
    mm.Pa()
    mm.Va()
    tasks.register()
    unwind.register()
    _registered = True
