# SPDX-License-Identifier: GPL-2.0
"""vmlinux symbols at physical or virtual addresses.

vmlinux is linked at KIMAGE_VADDR (0xffff800008000000), but until
__enable_mmu runs, the CPU fetches head.S at the physical address the
loader chose (QEMU -kernel: 0x40200000; U-Boot booti: ${kernel_addr_r},
rounded up to 2 MiB). Symbols at link addresses then name nothing the CPU
touches: breakpoints land on unmapped addresses and `step` has no line
table for the PC. `hs phys-symbols` reloads vmlinux with every loaded
section moved by the same amount, PA(_text) - VA(_text):

    add-symbol-file vmlinux <.text PA> -s .head.text <PA> -s .rodata <PA> ...

and `hs virt-symbols` goes back to the link addresses."""

import gdb

from . import target
from .elf import Vmlinux

SZ_2M = 2 << 20
QEMU_VIRT_RAM = 0x40000000


class Kernel:
    """The vmlinux being debugged and where its image was found."""

    path = None
    elf = None
    mode = None            # 'phys', 'virt', or None before either command
    phys_base = None       # PA of _text, once known

    @classmethod
    def load(cls, path=None):
        if path is None and cls.elf is not None:
            return cls.elf
        if path is None:
            path = gdb.current_progspace().filename
        if path is None:
            for obj in gdb.objfiles():
                if obj.filename and obj.filename.endswith('vmlinux'):
                    path = obj.filename
                    break
        if path is None:
            raise gdb.GdbError('no vmlinux: start gdb with it (gdb-multiarch '
                               'vmlinux) or give -f PATH')
        if path != cls.path:
            cls.elf = Vmlinux(path)
            cls.path = path
            cls.phys_base = None
        return cls.elf


def _header_at(pa, header):
    try:
        return target.read_phys(pa, len(header)) == header
    except target.TargetError:
        return False


def find_phys_base(ram_base=QEMU_VIRT_RAM, ram_max=16 << 30):
    """PA of _text, from the live system:
      1. with the MMU on, VA(_text) - kimage_voffset (head.S stores it);
      2. the 2 MiB boundaries at and below the PC (the CPU running head.S
         at its physical address, or stopped at the entry);
      3. every 2 MiB boundary of RAM from ram_base (the Image waiting for
         the CPU, e.g. right after QEMU's reset with -S).
    An address counts only if it holds vmlinux's own 64-byte Image header."""
    elf = Kernel.load()
    header = elf.image_header()
    if target.mmu_on():
        va, _ = elf.symbol('kimage_voffset')
        try:
            voffset = target.u64(target.read(va, 8))
        except target.TargetError:
            voffset = 0
        if voffset:
            pa = (elf.text_va - voffset) & (2**64 - 1)
            if _header_at(pa, header):
                return pa
    pc = target.reg('pc')
    base = pc & ~(SZ_2M - 1)
    for pa in (pc, base, base - SZ_2M, base - 2 * SZ_2M):
        if pa >= 0 and _header_at(pa, header):
            return pa
    missed = 0
    for pa in range(ram_base, ram_base + ram_max, SZ_2M):
        try:
            if target.read_phys(pa, len(header)) == header:
                return pa
        except target.TargetError:
            missed += 1        # past the end of RAM
            if missed > 1:
                break
    raise gdb.GdbError('no Image of this vmlinux found in memory (nor at the '
                       'PC): give its physical address, e.g. '
                       '`hs phys-symbols 0x40200000`')


class _NoConfirm:
    def __enter__(self):
        self.old = gdb.parameter('confirm')
        gdb.execute('set confirm off')

    def __exit__(self, *exc):
        gdb.execute(f'set confirm {"on" if self.old else "off"}')


def add_symbol_file_command(elf, pa):
    """The add-symbol-file command loading elf's symbols with _text at pa."""
    delta = pa - elf.text_va
    text = elf.section('.text')
    cmd = f'add-symbol-file {elf.path} {text.addr + delta:#x}'
    for sec in elf.sections:
        if sec.name != '.text':
            cmd += f' -s {sec.name} {sec.addr + delta:#x}'
    return cmd


class _MmuOnBreakpoint(gdb.Breakpoint):
    """Internal hardware breakpoint at __primary_switched's link address,
    the first instruction the CPU fetches by its virtual address once
    __enable_mmu has turned the MMU on. With physical symbols loaded it
    switches to the virtual ones and lets the kernel run on; gdb then
    re-sets every breakpoint by its location (`hbreak start_kernel` moves
    from start_kernel's physical address to its virtual one), so C code
    can be reached from `make qemu-gdb` with no `hs mmu-on`."""

    instance = None

    def __init__(self, va):
        super().__init__(f'*{va:#x}', gdb.BP_HARDWARE_BREAKPOINT, internal=True)
        self.silent = True

    def stop(self):
        if Kernel.mode == 'phys':
            load_virt()
        return False


def arm_mmu_on_switch(elf):
    va, _ = elf.symbol('__primary_switched')
    old = _MmuOnBreakpoint.instance
    if old is not None and old.is_valid():
        return
    _MmuOnBreakpoint.instance = _MmuOnBreakpoint(va)


def load_phys(pa):
    elf = Kernel.load()
    if pa % SZ_2M:
        gdb.write(f'warning: {pa:#x} is not 2 MiB aligned, which the Image '
                  f'header asks for\n')
    cmd = add_symbol_file_command(elf, pa)
    with _NoConfirm():
        gdb.execute('symbol-file', to_string=True)
        gdb.execute(cmd, to_string=True)
    Kernel.mode, Kernel.phys_base = 'phys', pa
    gdb.write(f'vmlinux symbols at physical addresses: _text = {pa:#x} '
              f'(link address {elf.text_va:#x})\n{cmd}\n')
    if not target.mmu_on():
        arm_mmu_on_switch(elf)


def load_virt():
    elf = Kernel.load()
    with _NoConfirm():
        gdb.execute('symbol-file', to_string=True)
        gdb.execute(f'symbol-file {elf.path}', to_string=True)
    Kernel.mode = 'virt'
    gdb.write(f'vmlinux symbols at link (virtual) addresses: _text = '
              f'{elf.text_va:#x}\n')


def _split_file_opt(arg):
    argv = gdb.string_to_argv(arg)
    path = None
    if len(argv) >= 2 and argv[0] == '-f':
        path = argv[1]
        argv = argv[2:]
    Kernel.load(path)
    return argv


class PhysSymbols(gdb.Command):
    """Load vmlinux symbols at the physical addresses the kernel runs at
before the MMU is on.

Usage: hs phys-symbols [-f VMLINUX] [PA]

PA is where _text (the Image's first byte) is in physical memory; the
Image header there must be this vmlinux's, or nothing is loaded. Without
it, the Image is looked for: at the PC and below it, then at every 2 MiB
boundary of RAM from 0x40000000 (QEMU virt). Then breakpoints, stepi and
step work in head.S before __enable_mmu; `hs virt-symbols` (or `hs mmu-on`)
goes back once the MMU is on."""

    def __init__(self):
        super().__init__('hs phys-symbols', gdb.COMMAND_FILES)

    def invoke(self, arg, from_tty):
        argv = _split_file_opt(arg)
        if argv:
            pa = int(gdb.parse_and_eval(' '.join(argv))) & (2**64 - 1)
            if not _header_at(pa, Kernel.load().image_header()):
                raise gdb.GdbError(f'no Image of this vmlinux at {pa:#x}: its 64-byte '
                                   f'header is not there (wrong address, or another '
                                   f'build?); without an address it is searched for')
        else:
            pa = find_phys_base()
        load_phys(pa)


class VirtSymbols(gdb.Command):
    """Load vmlinux symbols at their link-time (virtual) addresses, for the
kernel once the MMU is on (from __primary_switched on).

Usage: hs virt-symbols [-f VMLINUX]

Software breakpoints need the address mapped: while the MMU is still off,
use hbreak for a virtual address (e.g. `hbreak start_kernel`)."""

    def __init__(self):
        super().__init__('hs virt-symbols', gdb.COMMAND_FILES)

    def invoke(self, arg, from_tty):
        _split_file_opt(arg)
        load_virt()


class Symbols(gdb.Command):
    """Load vmlinux symbols for what the CPU does now: physical addresses if
SCTLR_EL1.M is 0 (MMU off), link addresses if it is 1.

Usage: hs symbols [-f VMLINUX]"""

    def __init__(self):
        super().__init__('hs symbols', gdb.COMMAND_FILES)

    def invoke(self, arg, from_tty):
        _split_file_opt(arg)
        if target.mmu_on():
            load_virt()
        else:
            load_phys(find_phys_base())


class MmuOn(gdb.Command):
    """Run until the MMU is on and the kernel at its virtual address, then
switch to the virtual symbols.

Usage: hs mmu-on

Sets a temporary hardware breakpoint at the link address of
__primary_switched, where __primary_switch jumps once __enable_mmu has
returned, and continues."""

    def __init__(self):
        super().__init__('hs mmu-on', gdb.COMMAND_RUNNING)

    def invoke(self, arg, from_tty):
        elf = Kernel.load()
        va, _ = elf.symbol('__primary_switched')
        gdb.execute(f'thbreak *{va:#x}', to_string=True)
        gdb.execute('continue')
        if target.reg('pc') != va:
            raise gdb.GdbError(f'stopped at {target.reg("pc"):#x}, not at '
                               f'__primary_switched ({va:#x})')
        load_virt()
        gdb.execute('frame', to_string=False)
