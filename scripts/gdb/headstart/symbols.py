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

and `hs virt-symbols` goes back to virtual addresses. A relocatable kernel
does not run at its link address once the MMU is on, but kaslr_offset()
above it: the physical misalignment (the Image 4 KiB but not 2 MiB
aligned) plus, with KASLR, a random offset chosen in __primary_switched.
kernel_offset() reads where the running image is (from TTBR1_EL1 and
kimage_voffset); `hs mmu-on` runs to the last jump of __primary_switch, whose
target (x8) is the final address of __primary_switched, and loads the
symbols there."""

import gdb

from . import target
from .elf import Vmlinux

SZ_2M = 2 << 20
SZ_4K = 4 << 10
QEMU_VIRT_RAM = 0x40000000
MASK64 = 2**64 - 1
BR_X8 = 0xd61f0100             # `br x8`, the end of __primary_switch
BLR_X8 = 0xd63f0100            # `blr x8`, its first call (CONFIG_RANDOMIZE_BASE)


class Kernel:
    """The vmlinux being debugged and where its image was found."""

    path = None
    elf = None
    mode = None            # 'phys', 'virt', or None before either command
    phys_base = None       # PA of _text, once known
    offset = 0             # virtual symbols: runtime VA - link VA

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


def kernel_offset():
    """The running image's VA minus its link VA (the kernel's kaslr_offset()),
    with the MMU on. TTBR1_EL1 holds the physical address of a table inside
    the image (init_pg_dir, then swapper_pg_dir), which gives PA(_text);
    kimage_voffset, read there physically, gives VA(_text); until head.S
    has stored it for the image's final place (__primary_switched, after
    KASLR moved the image) the PC does instead, if it runs in the image:
    its PA, by a walk of TTBR1's tables, says which link address it is.
    Every answer is checked against vmlinux's Image header there. None if
    the MMU is off or TTBR1_EL1 is not one of ours (firmware, or the kernel
    before head.S's tables)."""
    if not target.mmu_on():
        return None
    elf = Kernel.load()
    header = elf.image_header()
    ttbr1 = target.reg('TTBR1_EL1') & 0x0000fffffffff000
    kvo = elf.symbol('kimage_voffset')[0] - elf.text_va
    for table in ('swapper_pg_dir', 'init_pg_dir'):
        pa = ttbr1 - (elf.symbol(table)[0] - elf.text_va)
        if pa < 0 or not _header_at(pa, header):
            continue
        for va in (_text_va_from_voffset(pa, kvo), _text_va_from_pc(elf, pa)):
            try:
                if va is not None and target.read(va, len(header)) == header:
                    return (va - elf.text_va) & MASK64
            except target.TargetError:
                pass
    return None


def _text_va_from_voffset(pa_text, kvo):
    try:
        voffset = target.u64(target.read_phys(pa_text + kvo, 8))
    except target.TargetError:
        return None
    return (pa_text + voffset) & MASK64 if voffset else None


def _text_va_from_pc(elf, pa_text):
    from .pgtable import walk
    pc = target.reg('pc')
    if not pc >> 55 & 1:
        return None
    try:
        pa = walk(pc, target.reg('TTBR0_EL1'), target.reg('TTBR1_EL1'),
                  target.reg('TCR_EL1'), target.reg('MAIR_EL1'), target.read_phys,
                  lambda text: None)
    except target.TargetError:
        return None
    size = elf.symbol('_end')[0] - elf.text_va
    if pa is None or not pa_text <= pa < pa_text + size:
        return None
    return (pc - (pa - pa_text)) & MASK64


def find_phys_base(ram_base=QEMU_VIRT_RAM, ram_max=16 << 30):
    """PA of _text, from the live system:
      1. with the MMU on, VA(_text) - kimage_voffset (head.S stores it),
         both where the image runs (kernel_offset());
      2. the PC, then the 4 KiB boundaries below it, as far back as the
         image is long (the CPU running head.S at its physical address,
         wherever a relocatable Image was put, or stopped at the entry);
      3. every 2 MiB boundary of RAM from ram_base (the Image waiting for
         the CPU, e.g. right after QEMU's reset with -S).
    An address counts only if it holds vmlinux's own 64-byte Image header."""
    elf = Kernel.load()
    header = elf.image_header()
    off = kernel_offset()
    if off is not None:
        va, _ = elf.symbol('kimage_voffset')
        try:
            voffset = target.u64(target.read((va + off) & MASK64, 8))
        except target.TargetError:
            voffset = 0
        if voffset:
            pa = (elf.text_va + off - voffset) & MASK64
            if _header_at(pa, header):
                return pa
    pc = target.reg('pc')
    if not target.mmu_on():
        if _header_at(pc, header):
            return pc
        size = elf.symbol('_end')[0] - elf.text_va
        page = pc & ~(SZ_4K - 1)
        for pa in range(page, max(page - size, 0) - 1, -SZ_4K):
            if _header_at(pa, header):
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


def primary_switch_jump(elf, pa):
    """The physical (= identity-mapped) address of __primary_switch's last
    instruction, `br x8`, the jump to __primary_switched where the image
    runs for good (after KASLR moved it, if it did), for an Image at pa."""
    switch, size = elf.symbol('__primary_switch')
    return pa + switch + size - 4 - elf.text_va


def primary_switch_first_call(elf, pa):
    """The physical address of __primary_switch's `blr x8`, or None in a
    build without KASLR: the first run of __primary_switched, at the
    address with no KASLR offset. It returns to __primary_switch only when
    kaslr_early_init picks an offset; then `br x8` runs it again, moved.
    Without one (nokaslr, no kaslr-seed) the `br x8` never runs."""
    switch, size = elf.symbol('__primary_switch')
    for i, word in enumerate(elf.words(switch, size)):
        if word == BLR_X8:
            return pa + switch + 4 * i - elf.text_va
    return None


def offset_before_kaslr(pa):
    """The kernel's virtual offset before KASLR, for an Image at pa: its
    physical misalignment (head.S's x23 until kaslr_early_init)."""
    return pa % SZ_2M


class _MmuOnBreakpoint(gdb.Breakpoint):
    """Internal hardware breakpoint on __primary_switch's final `br x8`,
    with the MMU on for good and x8 holding the virtual address of
    __primary_switched, KASLR offset included. With physical symbols loaded
    it switches to the virtual ones there and lets the kernel run on; gdb
    then re-sets every breakpoint by its location (`hbreak start_kernel`
    moves from start_kernel's physical address to its virtual one), so C
    code can be reached from `make qemu-gdb` with no `hs mmu-on`.

    Without a KASLR offset that jump never runs (see
    primary_switch_first_call): a second one, on __primary_switched's `bl
    start_kernel` at the address with no KASLR offset, which only that case
    reaches, does the same there. Either way the symbols move once."""

    instances = []

    def __init__(self, addr, offset=None):
        super().__init__(f'*{addr:#x}', gdb.BP_HARDWARE_BREAKPOINT, internal=True)
        self.silent = True
        self.offset = offset       # None: from x8, the final jump's target

    def stop(self):
        if Kernel.mode == 'phys':
            offset = self.offset
            if offset is None:
                va, _ = Kernel.load().symbol('__primary_switched')
                offset = (target.reg('x8') - va) & MASK64
            load_virt(offset)
        return False


def start_kernel_call(elf):
    """The link address of __primary_switched's `bl start_kernel`, or None."""
    start, size = elf.symbol('__primary_switched')
    target_va, _ = elf.symbol('start_kernel')
    for i, word in enumerate(elf.words(start, size)):
        if word & 0xfc000000 == 0x94000000:                 # bl imm26
            imm = word & 0x03ffffff
            imm -= (imm & 0x02000000) << 1                   # sign-extend
            if (start + 4 * i + imm * 4) & MASK64 == target_va:
                return start + 4 * i
    return None


def arm_mmu_on_switch(elf, pa):
    for old in _MmuOnBreakpoint.instances:
        if old.is_valid():
            old.delete()
    _MmuOnBreakpoint.instances = [_MmuOnBreakpoint(primary_switch_jump(elf, pa))]
    call = start_kernel_call(elf)
    if primary_switch_first_call(elf, pa) is not None and call is not None:
        unmoved = offset_before_kaslr(pa)
        _MmuOnBreakpoint.instances.append(
            _MmuOnBreakpoint((call + unmoved) & MASK64, unmoved))


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
        arm_mmu_on_switch(elf, pa)


def virt_offset():
    """Where virtual symbols belong now: kernel_offset() with the MMU on;
    before, the Image's physical misalignment (head.S's x23 before KASLR,
    which may still move the image: `hs mmu-on` follows it)."""
    off = kernel_offset()
    if off is not None:
        return off
    if not target.mmu_on():
        try:
            base = Kernel.phys_base if Kernel.phys_base is not None else find_phys_base()
            return offset_before_kaslr(base)
        except gdb.GdbError:
            pass
    return 0


def load_virt(offset=None):
    elf = Kernel.load()
    if offset is None:
        offset = virt_offset()
    with _NoConfirm():
        gdb.execute('symbol-file', to_string=True)
        if offset:
            cmd = add_symbol_file_command(elf, (elf.text_va + offset) & MASK64)
            gdb.execute(cmd, to_string=True)
        else:
            gdb.execute(f'symbol-file {elf.path}', to_string=True)
    Kernel.mode, Kernel.offset = 'virt', offset
    if offset:
        gdb.write(f'vmlinux symbols at virtual addresses: _text = '
                  f'{(elf.text_va + offset) & MASK64:#x} (link address '
                  f'{elf.text_va:#x} + offset {offset:#x})\n{cmd}\n')
    else:
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
    """Load vmlinux symbols at their virtual addresses, for the kernel once
the MMU is on (from __primary_switched on).

Usage: hs virt-symbols [-f VMLINUX]

With the MMU on, at the addresses the image really runs at: the link
address plus the KASLR offset and physical misalignment (kernel_offset()).
With the MMU still off, at the link address plus the misalignment: right
with `nokaslr`, while KASLR moves the kernel later (use `hs mmu-on`).
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
    """Run until the MMU is on and the kernel at its final virtual address,
then switch to the virtual symbols there.

Usage: hs mmu-on

Sets a temporary hardware breakpoint on the last instruction of
__primary_switch, `br x8`, at its physical address (identity mapped),
continues, reads the jump's target from x8 (__primary_switched where the
image runs for good: after KASLR's second pass, if it moved the image) and
steps into it. The Image's physical address comes from `hs phys-symbols`
or is looked for as it does.

With no KASLR offset (nokaslr, no kaslr-seed: the Raspberry Pi) that jump
never runs: __primary_switched's first run, at the address without KASLR,
goes on to start_kernel. A second temporary breakpoint there ends the run
in that case, with the virtual symbols of that address."""

    def __init__(self):
        super().__init__('hs mmu-on', gdb.COMMAND_RUNNING)

    def invoke(self, arg, from_tty):
        elf = Kernel.load()
        if target.mmu_on():
            raise gdb.GdbError('the MMU is already on: use `hs symbols`')
        pa = Kernel.phys_base if Kernel.phys_base is not None else find_phys_base()
        br = primary_switch_jump(elf, pa)
        if target.u32(target.read(br, 4)) != BR_X8:
            raise gdb.GdbError(f'__primary_switch does not end with `br x8` at '
                               f'{br:#x}: head.S and this command disagree')
        gdb.execute(f'thbreak *{br:#x}', to_string=True)
        jump = gdb.breakpoints()[-1]
        stay = None
        unmoved = offset_before_kaslr(pa)
        start = (elf.symbol('start_kernel')[0] + unmoved) & MASK64
        if primary_switch_first_call(elf, pa) is not None:
            stay = gdb.Breakpoint(f'*{start:#x}', gdb.BP_HARDWARE_BREAKPOINT,
                                  internal=True, temporary=True)
        gdb.execute('continue')
        for bp in (jump, stay):
            if bp is not None and bp.is_valid():
                bp.delete()
        if stay is not None and target.reg('pc') == start:
            if Kernel.mode != 'virt' or Kernel.offset != unmoved:
                load_virt(unmoved)
            gdb.write('no KASLR offset: the image stayed where __primary_switched '
                      'first ran; stopped at start_kernel\n')
            gdb.execute('frame', to_string=False)
            return
        if target.reg('pc') != br:
            raise gdb.GdbError(f'stopped at {target.reg("pc"):#x}, not at '
                               f'the end of __primary_switch ({br:#x})')
        dest = target.reg('x8')
        va, _ = elf.symbol('__primary_switched')
        gdb.execute('stepi', to_string=True)
        if target.reg('pc') != dest:
            raise gdb.GdbError(f'stepi went to {target.reg("pc"):#x}, not {dest:#x}')
        load_virt((dest - va) & MASK64)
        gdb.execute('frame', to_string=False)
