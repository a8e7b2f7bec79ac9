# SPDX-License-Identifier: GPL-2.0
"""hs pa / hs va: kernel image addresses, physical <-> virtual.

The image is mapped at KIMAGE_VADDR wherever it was loaded, so one number
converts every image address: kimage_voffset = VA - PA (asm/memory.h).
head.S stores it in __primary_switched; before that it is computed from
where the Image was found (symbols.find_phys_base)."""

import gdb

from . import target
from .symbols import Kernel, find_phys_base

MASK64 = 2**64 - 1


def kimage_voffset():
    """(value, where it came from)."""
    elf = Kernel.load()
    if target.mmu_on():
        va, _ = elf.symbol('kimage_voffset')
        try:
            value = target.u64(target.read(va, 8))
        except target.TargetError:
            value = 0
        if value:
            return value, 'kimage_voffset'
    base = find_phys_base()
    return (elf.text_va - base) & MASK64, f'Image found at {base:#x}'


def link_address(arg):
    """A symbol of vmlinux at its link address, else gdb's value of arg."""
    elf = Kernel.load()
    name = arg.strip()
    if name in elf.symbols:
        return elf.symbols[name][0]
    return int(gdb.parse_and_eval(arg)) & MASK64


class Pa(gdb.Command):
    """Physical address of a kernel image address.

Usage: hs pa SYMBOL|EXPRESSION

A SYMBOL of vmlinux is taken at its link (virtual) address whichever
symbols gdb has loaded; any other expression is evaluated by gdb and must
give a virtual address in the kernel image. Prints PA = VA - kimage_voffset."""

    def __init__(self):
        super().__init__('hs pa', gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        if not arg:
            raise gdb.GdbError('usage: hs pa SYMBOL|EXPRESSION')
        va = link_address(arg)
        voff, how = kimage_voffset()
        gdb.write(f'VA {va:#018x} -> PA {(va - voff) & MASK64:#x} '
                  f'(kimage_voffset {voff:#x}, {how})\n')


class Va(gdb.Command):
    """Virtual address of a physical address in the kernel image.

Usage: hs va EXPRESSION

Prints VA = PA + kimage_voffset, and the symbol there if there is one."""

    def __init__(self):
        super().__init__('hs va', gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        if not arg:
            raise gdb.GdbError('usage: hs va EXPRESSION')
        pa = int(gdb.parse_and_eval(arg)) & MASK64
        voff, how = kimage_voffset()
        va = (pa + voff) & MASK64
        sym = Kernel.load().symbolize(va)
        name = f' <{sym}>' if sym else ''
        gdb.write(f'PA {pa:#x} -> VA {va:#018x}{name} '
                  f'(kimage_voffset {voff:#x}, {how})\n')
