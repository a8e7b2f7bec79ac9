# SPDX-License-Identifier: GPL-2.0
"""hs vtop: translate a virtual address the way the MMU does (VMSAv8-64
stage 1, EL1&0), reading TTBR0_EL1/TTBR1_EL1, TCR_EL1 and MAIR_EL1 from
the CPU and every descriptor from physical memory, and print each level.

Nothing here knows which tables the kernel built (idmap_pg_dir,
init_pg_dir, or whatever replaces them): the registers say where the walk
starts, the descriptors say where it goes."""

import gdb

from . import target

# TCR_EL1 fields (Arm ARM, D17.2.131)
TG0 = {0: 12, 1: 16, 2: 14}            # TG0: 4K, 64K, 16K
TG1 = {2: 12, 3: 16, 1: 14}            # TG1: 16K, 4K, 64K (other codes)
GRANULE_NAME = {12: '4K', 14: '16K', 16: '64K'}
SH = {0: 'non-shareable', 1: 'reserved', 2: 'outer', 3: 'inner'}
AP = {0: 'EL1 RW, EL0 none', 1: 'EL1 RW, EL0 RW',
      2: 'EL1 RO, EL0 none', 3: 'EL1 RO, EL0 RO'}
OA_MASK = (1 << 48) - 1                # 48-bit output addresses


def mair_name(attr):
    """One MAIR_EL1 attribute byte in words."""
    if attr >> 4 == 0:
        kind = {0: 'nGnRnE', 1: 'nGnRE', 2: 'nGRE', 3: 'GRE'}[(attr >> 2) & 3]
        return f'Device-{kind}'
    if attr == 0x44:
        return 'Normal Non-cacheable'
    if attr == 0xff:
        return 'Normal Write-Back'
    if attr == 0xf0:
        return 'Normal Tagged'
    return f'Normal (attr {attr:#04x})'


class Regime:
    """What the walk of one VA half needs: TTBR, granule, input size."""

    def __init__(self, va, ttbr0, ttbr1, tcr):
        self.upper = bool(va >> 55 & 1)
        if self.upper:
            self.name = 'TTBR1_EL1'
            self.ttbr = ttbr1
            self.tsz = tcr >> 16 & 0x3f
            self.granule = TG1.get(tcr >> 30 & 3, 12)
            self.tbi = bool(tcr >> 38 & 1)
            self.disabled = bool(tcr >> 23 & 1)    # EPD1
        else:
            self.name = 'TTBR0_EL1'
            self.ttbr = ttbr0
            self.tsz = tcr & 0x3f
            self.granule = TG0.get(tcr >> 14 & 3, 12)
            self.tbi = bool(tcr >> 37 & 1)
            self.disabled = bool(tcr >> 7 & 1)     # EPD0
        self.in_bits = 64 - self.tsz
        self.stride = self.granule - 3
        # levels needed for in_bits - granule bits of index, last level 3
        levels = -(-(self.in_bits - self.granule) // self.stride)
        self.start_level = 4 - levels
        self.base = self.ttbr & OA_MASK & ~1       # BADDR, without CnP

    def shift(self, level):
        return self.granule + self.stride * (3 - level)

    def in_range(self, va):
        """The bits above the input size must all equal bit 55 (bits 63:56
        are ignored with top-byte-ignore)."""
        top = 56 if self.tbi else 64
        bits = va >> self.in_bits & ((1 << (top - self.in_bits)) - 1)
        want = (1 << (top - self.in_bits)) - 1 if self.upper else 0
        return bits == want


def decode_leaf(desc, mair):
    idx = desc >> 2 & 7
    attrs = [f'AttrIndx={idx} ({mair_name(mair >> (8 * idx) & 0xff)})',
             f'SH={SH[desc >> 8 & 3]}', f'AP={AP[desc >> 6 & 3]}']
    for bit, name in ((10, 'AF'), (11, 'nG'), (5, 'NS'), (52, 'Contiguous'),
                      (53, 'PXN'), (54, 'UXN')):
        if desc >> bit & 1:
            attrs.append(name)
    return ' '.join(attrs)


def decode_table(desc):
    attrs = []
    for bit, name in ((59, 'PXNTable'), (60, 'UXNTable'), (63, 'NSTable')):
        if desc >> bit & 1:
            attrs.append(name)
    if desc >> 61 & 3:
        attrs.append(f'APTable={desc >> 61 & 3}')
    return ' '.join(attrs)


def size_name(nbytes):
    for unit, name in ((1 << 30, 'G'), (1 << 20, 'M'), (1 << 10, 'K')):
        if nbytes >= unit and nbytes % unit == 0:
            return f'{nbytes // unit}{name}'
    return f'{nbytes:#x}'


def walk(va, ttbr0, ttbr1, tcr, mair, read_phys, out):
    """Translate va; write one line per level to out(); return the PA or
    None for a fault."""
    r = Regime(va, ttbr0, ttbr1, tcr)
    out(f'VA {va:#018x}: {r.name} = {r.ttbr:#x}, {GRANULE_NAME[r.granule]} '
        f'granule, {r.in_bits}-bit input (T{1 if r.upper else 0}SZ={r.tsz}), '
        f'walk starts at level {r.start_level}\n')
    if r.disabled:
        out(f'fault: walks through {r.name} are disabled (TCR_EL1.EPD{int(r.upper)})\n')
        return None
    if not r.in_range(va):
        out(f'fault: VA outside the {r.in_bits}-bit range of {r.name} '
            f'(level 0 translation fault)\n')
        return None
    table = r.base
    for level in range(r.start_level, 4):
        shift = r.shift(level)
        top = r.in_bits if level == r.start_level else shift + r.stride
        index = va >> shift & ((1 << (top - shift)) - 1)
        addr = table + 8 * index
        desc = target.u64(read_phys(addr, 8))
        where = f'L{level} [{index:3d}] @ {addr:#x}: {desc:#018x}'
        if not desc & 1:
            out(f'{where}  invalid: translation fault, level {level}\n')
            return None
        if level < 3 and desc & 2:
            table = desc & OA_MASK & ~((1 << r.granule) - 1)
            extra = decode_table(desc)
            out(f'{where}  table -> {table:#x}{" " + extra if extra else ""}\n')
            continue
        if level == 3 and not desc & 2:
            out(f'{where}  reserved descriptor type: translation fault, level 3\n')
            return None
        if level < 3 and (level == 0 or (r.granule != 12 and level == 1)):
            out(f'{where}  block not allowed at level {level} with this granule: fault\n')
            return None
        out_base = desc & OA_MASK & ~((1 << shift) - 1)
        pa = out_base | (va & ((1 << shift) - 1))
        kind = 'page' if level == 3 else 'block'
        out(f'{where}  {kind} {size_name(1 << shift)} -> {out_base:#x} '
            f'{decode_leaf(desc, mair)}\n')
        if not desc >> 10 & 1:
            out('note: AF is 0: an access raises an Access flag fault\n')
        return pa
    return None


class Vtop(gdb.Command):
    """Translate a virtual address through the page tables, as the MMU does.

Usage: hs vtop [--ttbr0 PA] [--ttbr1 PA] [--tcr VALUE] ADDRESS

ADDRESS is a symbol of vmlinux or any gdb expression, spaces included
(`hs vtop $current->mm->pgd`, `hs vtop (char *)&init_task + 8`).

Reads TTBR0_EL1 or TTBR1_EL1 (bit 55 of ADDRESS chooses), TCR_EL1 and
MAIR_EL1 from the CPU, then one descriptor per level from physical memory,
and prints each decoded, then the physical address. The options replace a
register's value, e.g. to walk a table before head.S has loaded it
(`hs vtop --ttbr1 &init_pg_dir start_kernel` with physical symbols).
With TCR_EL1 still 0 the kernel's own settings are assumed: 48-bit VAs
and the 4K granule for both halves."""

    def __init__(self):
        super().__init__('hs vtop', gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        # Options first, each with one word of value; the rest of the line,
        # spaces and all, is the address expression.
        rest = arg.strip()
        regs = {}
        while rest.split(' ', 1)[0] in ('--ttbr0', '--ttbr1', '--tcr'):
            words = rest.split(None, 2)
            if len(words) < 2:
                break
            regs[words[0][2:]] = int(gdb.parse_and_eval(words[1])) & (2**64 - 1)
            rest = words[2] if len(words) == 3 else ''
        if not rest:
            raise gdb.GdbError('usage: hs vtop [--ttbr0 PA] [--ttbr1 PA] '
                               '[--tcr VALUE] ADDRESS')
        from .mm import link_address
        va = link_address(rest)
        ttbr0 = regs.get('ttbr0', None)
        ttbr1 = regs.get('ttbr1', None)
        tcr = regs.get('tcr', None)
        ttbr0 = target.reg('TTBR0_EL1') if ttbr0 is None else ttbr0
        ttbr1 = target.reg('TTBR1_EL1') if ttbr1 is None else ttbr1
        tcr = target.reg('TCR_EL1') if tcr is None else tcr
        if tcr == 0:
            tcr = (64 - 48) | (64 - 48) << 16 | 2 << 30      # 48-bit, 4K, 4K
            gdb.write('TCR_EL1 is 0 (MMU not set up yet): assuming 48-bit '
                      'VAs, 4K granule\n')
        mair = target.reg('MAIR_EL1')
        if not target.mmu_on():
            gdb.write('note: the MMU is off (SCTLR_EL1.M = 0): the CPU '
                      'uses physical addresses now; showing the walk it '
                      'would do\n')
        pa = walk(va, ttbr0, ttbr1, tcr, mair, target.read_phys, gdb.write)
        # a fault is an answer, not an error: scripts go on after it
        gdb.write(f'PA {pa:#x}\n' if pa is not None else 'no translation\n')
