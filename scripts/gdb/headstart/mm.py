# SPDX-License-Identifier: GPL-2.0
"""hs pa / hs va: kernel addresses, physical <-> virtual.

Two kinds of kernel virtual address (asm/memory.h):
  * the kernel image, mapped at one virtual address wherever it was
    loaded, so one number converts every image address: kimage_voffset =
    VA - PA. head.S stores it in __primary_switched; before that it is
    computed from where the Image was found (symbols.find_phys_base), for
    the link address. With the MMU on the image runs kernel_offset() above
    its link address (KASLR, physical misalignment): vmlinux's symbols are
    moved by that much, and kimage_voffset is read where it really is;
  * the linear map of all RAM, [PAGE_OFFSET, PAGE_END): page tables,
    task_structs, kmalloc: PA = VA - PAGE_OFFSET + memstart_addr
    (PHYS_OFFSET), once paging_init has set memstart_addr."""

import gdb

from . import target
from .symbols import Kernel, find_phys_base, kernel_offset

MASK64 = 2**64 - 1


def kimage_voffset():
    """(value, where it came from)."""
    elf = Kernel.load()
    off = kernel_offset()
    if off is not None:
        va, _ = elf.symbol('kimage_voffset')
        try:
            value = target.u64(target.read((va + off) & MASK64, 8))
        except target.TargetError:
            value = 0
        if value:
            return value, 'kimage_voffset'
    base = find_phys_base()
    return (elf.text_va - base) & MASK64, f'Image found at {base:#x}'


def va_bits():
    """VA_BITS, from TCR_EL1.T1SZ once head.S has set it, else 48."""
    tcr = target.reg('TCR_EL1')
    t1sz = (tcr >> 16) & 0x3f
    return 64 - t1sz if t1sz else 48


def linear_map():
    """(PAGE_OFFSET, PAGE_END, memstart_addr), or None before paging_init."""
    bits = va_bits()
    page_offset = (-(1 << bits)) & MASK64
    page_end = page_offset + (1 << (bits - 1))
    try:
        memstart = int(gdb.parse_and_eval('(unsigned long)memstart_addr')) & MASK64
    except gdb.error:
        return None
    if not memstart or not target.mmu_on():
        return None
    return page_offset, page_end, memstart


def running_offset():
    """kernel_offset() with the MMU on, else 0: what kimage_voffset() pairs
    with."""
    off = kernel_offset()
    return off or 0


def link_address(arg):
    """A symbol of vmlinux where it runs (its link address, moved by the
    kernel's offset once the MMU is on), else gdb's value of arg."""
    elf = Kernel.load()
    name = arg.strip()
    if name in elf.symbols:
        return (elf.symbols[name][0] + running_offset()) & MASK64
    return int(gdb.parse_and_eval(arg)) & MASK64


class Pa(gdb.Command):
    """Physical address of a kernel virtual address.

Usage: hs pa SYMBOL|EXPRESSION

A SYMBOL of vmlinux is taken at its virtual address (the link address,
plus the kernel's KASLR/misalignment offset once the MMU is on) whichever
symbols gdb has loaded; any other expression (spaces allowed, e.g.
`hs pa $current->mm->pgd`) is evaluated by gdb. A kernel image address
gives PA = VA - kimage_voffset; a linear-map address (PAGE_OFFSET up)
gives PA = VA - PAGE_OFFSET + memstart_addr."""

    def __init__(self):
        super().__init__('hs pa', gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        if not arg:
            raise gdb.GdbError('usage: hs pa SYMBOL|EXPRESSION')
        va = link_address(arg)
        bits = va_bits()
        page_offset = (-(1 << bits)) & MASK64
        if page_offset <= va < page_offset + (1 << (bits - 1)):
            lm = linear_map()
            if lm is None:
                raise gdb.GdbError(f'{va:#x} is a linear-map address, and the linear map '
                                   f'is not set up yet (memstart_addr is 0)')
            page_offset, _, memstart = lm
            gdb.write(f'VA {va:#018x} -> PA {va - page_offset + memstart:#x} '
                      f'(linear map: PAGE_OFFSET {page_offset:#x}, memstart_addr '
                      f'{memstart:#x})\n')
            return
        voff, how = kimage_voffset()
        gdb.write(f'VA {va:#018x} -> PA {(va - voff) & MASK64:#x} '
                  f'(kimage_voffset {voff:#x}, {how})\n')


class Va(gdb.Command):
    """Kernel virtual addresses of a physical address.

Usage: hs va EXPRESSION

Inside the kernel image: VA = PA + kimage_voffset, and the symbol there;
and, once paging_init has built it, the linear map's alias:
VA = PA - memstart_addr + PAGE_OFFSET."""

    def __init__(self):
        super().__init__('hs va', gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        if not arg:
            raise gdb.GdbError('usage: hs va EXPRESSION')
        pa = int(gdb.parse_and_eval(arg)) & MASK64
        voff, how = kimage_voffset()
        va = (pa + voff) & MASK64
        elf = Kernel.load()
        image_end = elf.symbols['_end'][0] if '_end' in elf.symbols else elf.text_va
        link = (va - running_offset()) & MASK64
        if elf.text_va <= link < image_end:
            sym = elf.symbolize(link)
            name = f' <{sym}>' if sym else ''
            gdb.write(f'PA {pa:#x} -> VA {va:#018x}{name} '
                      f'(kimage_voffset {voff:#x}, {how})\n')
        lm = linear_map()
        if lm is not None:
            page_offset, page_end, memstart = lm
            lva = pa - memstart + page_offset
            if memstart <= pa and lva < page_end:
                gdb.write(f'PA {pa:#x} -> VA {lva:#018x} (linear map: PAGE_OFFSET '
                          f'{page_offset:#x}, memstart_addr {memstart:#x})\n')
