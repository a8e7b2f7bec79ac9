# SPDX-License-Identifier: GPL-2.0
"""Memory: what the kernel learns from the DTB, the page tables it builds,
and what it says about them (Documentation/arm64/memory.rst).

  * QEMU's -kernel loader with -m 128M, 1G, 3G, 8G: the "Zone ranges:",
    "Early memory node ranges" and "Memory: ..." lines, whose numbers must
    add up (avail + reserved = total) and whose section sizes must be the
    image's own, read from System.map.
  * Our own DTB through the boot stub: two banks with a hole, a
    /reserved-memory no-map range, a /memreserve/ entry, an initrd. Each is
    compared with a boot of the same board without it: the totals move by
    exactly what was reserved.
  * `ptdump`: the kernel page tables: W^X everywhere, the linear map
    covering exactly the RAM that is not no-map.
  * The KUnit suites mmu, page_alloc and slab on several machines.
"""

import os
import re

import pytest

import mem_dtb

RAM_BASE = 0x40000000
IMAGE_AT = 0x40200000
DTB_AT = 0x48000000
PAGE_OFFSET = 0xffff000000000000       # 48-bit VA: the linear map's start
PAGE_END = 0xffff800000000000
BOOT_COMPLETE = 'headstart: boot complete, CPU0 idle'
WX_PASSED = 'Checked W+X mappings: passed, no W+X pages found'
MEMORY_RE = re.compile(
    r'Memory: (?P<avail>\d+)K/(?P<total>\d+)K available \((?P<code>\d+)K kernel code, '
    r'(?P<rwdata>\d+)K rwdata, (?P<rodata>\d+)K rodata, (?P<init>\d+)K init, '
    r'(?P<bss>\d+)K bss, (?P<reserved>\d+)K reserved\)')
PTDUMP_RE = re.compile(r'0x(?P<start>[0-9a-f]{16})-0x(?P<end>[0-9a-f]{16}) +\d+[KMGTPE] '
                       r'(?P<level>PGD|PUD|PMD|PTE)(?P<attrs>.*)')
G = 1 << 30
M = 1 << 20


def node_line(first, last):
    return f'  node   0: [mem 0x{first:016x}-0x{last:016x}]'


class Log:
    """The kernel's lines (timestamps stripped) from one boot."""

    def __init__(self, lines):
        self.texts = [ln.text for ln in lines if not ln.raw.startswith('qemu-system-')]

    def __str__(self):
        return '\n'.join(self.texts)

    def index(self, text):
        hits = [i for i, t in enumerate(self.texts) if t == text]
        assert len(hits) == 1, f'{text!r} printed {len(hits)} times:\n{self}'
        return hits[0]

    def after(self, header, pattern):
        """The lines right after `header` that fullmatch `pattern`."""
        out = []
        for t in self.texts[self.index(header) + 1:]:
            if not re.fullmatch(pattern, t):
                break
            out.append(t)
        return out

    def memory(self):
        hits = [MEMORY_RE.fullmatch(t) for t in self.texts]
        hits = [m for m in hits if m]
        assert len(hits) == 1, f'{len(hits)} Memory: lines:\n{self}'
        return {k: int(v) for k, v in hits[0].groupdict().items()}

    def ptdump(self):
        """[(start, end, level, attrs)] of the ptdump lines."""
        rows = []
        for t in self.texts:
            m = PTDUMP_RE.fullmatch(t)
            if m:
                end = int(m['end'], 16) or 1 << 64
                rows.append((int(m['start'], 16), end, m['level'], m['attrs'].split()))
        assert rows, f'no ptdump output:\n{self}'
        return rows


@pytest.fixture(scope='session')
def symbols(boot_env):
    path = os.path.join(boot_env.build_dir, 'System.map')
    syms = {}
    with open(path) as f:
        for row in f:
            addr, _, name = row.split()
            syms[name] = int(addr, 16)
    return syms


def check_memory(log, symbols, total_bytes):
    """The Memory: line against the RAM size and the image's sections."""
    mem = log.memory()
    s = symbols
    assert mem['total'] == total_bytes >> 10, str(log)
    assert mem['avail'] + mem['reserved'] == mem['total'], mem
    assert mem['code'] == (s['_etext'] - s['_stext']) >> 10
    assert mem['rwdata'] == (s['_edata'] - s['_sdata']) >> 10
    assert mem['rodata'] == (s['__end_rodata'] - s['__start_rodata']) >> 10
    assert mem['init'] == (s['__init_end'] - s['__init_begin']) >> 10
    assert mem['bss'] == (s['__bss_stop'] - s['__bss_start']) >> 10
    # The whole image is reserved, and so is a struct page per page of RAM.
    assert mem['reserved'] << 10 >= s['_end'] - s['_text'] + (total_bytes >> 12) * 32
    log.index(WX_PASSED)
    return mem


def run(console):
    lines = console.read_until_exit()
    assert console.exitstatus == 0, f'QEMU exit status {console.exitstatus}'
    log = Log(lines)
    assert log.texts[-2:] == [BOOT_COMPLETE, 'reboot: Power down'], str(log)
    return log


@pytest.fixture
def boot_kernel(console, qemu_cmd, kernel_image):
    def boot(append='console=ttyAMA0 earlycon poweroff', image=kernel_image, **machine):
        console.require_stamp = True
        console.start(qemu_cmd(kernel=image, append=append, **machine))
        return run(console)
    return boot


@pytest.fixture
def boot_dtb(make_console, qemu_cmd, kernel_image, bootstub, test_dir):
    """boot_dtb(dtb, name, image=kernel_image, **machine): the Image at
    IMAGE_AT and `dtb` at DTB_AT through the boot stub (QEMU leaves the DTB
    alone)."""
    def boot(dtb, name='', image=kernel_image, **machine):
        machine.setdefault('memory', '1G')     # RAM behind every bank we describe
        con = make_console('.' + name if name else '')
        con.require_stamp = True
        stub = bootstub.image(os.path.join(test_dir, f'stub{name}.bin'), IMAGE_AT, DTB_AT)
        con.start(qemu_cmd(bios=stub, loaders=[(image, IMAGE_AT), (dtb.path, DTB_AT)],
                           **machine))
        return run(con)
    return boot


def board(virt_dtb, name, banks, bootargs, memory='1G', **edits):
    """QEMU's DTB with our memory banks [(base, size)] and bootargs,
    rebuilt by mem_dtb (fixed size) with the given extra edits."""
    dtb = virt_dtb(name=name + '.dtb', memory=memory)
    cells = []
    for base, size in banks:
        cells += [base >> 32, base & 0xffffffff, size >> 32, size & 0xffffffff]
    dtb.set_cells('/memory@40000000', 'reg', cells)
    dtb.set_string('/chosen', 'bootargs', bootargs)
    return mem_dtb.rebuild(dtb, **edits)


# ---- QEMU's loader: RAM sizes --------------------------------------------------

ZONES = {
    '128M': ['  DMA      [mem 0x0000000040000000-0x0000000047ffffff]',
             '  DMA32    empty', '  Normal   empty'],
    '1G': ['  DMA      [mem 0x0000000040000000-0x000000007fffffff]',
           '  DMA32    empty', '  Normal   empty'],
    '3G': ['  DMA      [mem 0x0000000040000000-0x00000000ffffffff]',
           '  DMA32    empty', '  Normal   empty'],
    '8G': ['  DMA      [mem 0x0000000040000000-0x00000000ffffffff]',
           '  DMA32    empty',
           '  Normal   [mem 0x0000000100000000-0x000000023fffffff]'],
}
SIZES = {'128M': 128 * M, '1G': G, '3G': 3 * G, '8G': 8 * G}


@pytest.mark.parametrize('memory', list(SIZES))
def test_memory_lines(boot_kernel, symbols, memory):
    """Zones as Linux 6.1 draws them on arm64 (ZONE_DMA up to 4 GiB, DMA32
    empty, Normal above), one node range, and a Memory: line that adds up."""
    size = SIZES[memory]
    log = boot_kernel(memory=memory)
    assert log.after('Zone ranges:', r'  \S+ +(empty|\[mem .*\])') == ZONES[memory]
    i = log.index('Zone ranges:')
    assert log.texts[i + 4:i + 6] == ['Movable zone start for each node',
                                      'Early memory node ranges']
    assert log.after('Early memory node ranges', r'  node .*') == \
        [node_line(RAM_BASE, RAM_BASE + size - 1)]
    assert f'Initmem setup node 0 [mem 0x{RAM_BASE:016x}-0x{RAM_BASE + size - 1:016x}]' \
        in log.texts
    check_memory(log, symbols, size)


def linear_ranges(rows):
    """Mapped [start, end) ranges of the linear map, merged, as physical."""
    out = []
    for start, end, _, attrs in rows:
        if start < PAGE_OFFSET or end > PAGE_END or not attrs:
            continue
        pa, pend = start - PAGE_OFFSET + RAM_BASE, end - PAGE_OFFSET + RAM_BASE
        if out and out[-1][1] == pa:
            out[-1] = (out[-1][0], pend)
        else:
            out.append((pa, pend))
    return out


def check_wx(rows):
    """No mapping both writable and executable; the linear map never
    executable; some text executable (the check can tell)."""
    mapped = [r for r in rows if r[3]]
    assert all(not ('RW' in a and 'x' in a) for _, _, _, a in mapped)
    assert all('NX' in a for s, e, _, a in mapped if PAGE_OFFSET <= s < PAGE_END)
    assert any('x' in a and 'ro' in a for _, _, _, a in mapped)


# Linux v5.15's arch/arm64/mm/ptdump.c pte_bits[], in order: (printed when
# the bit is set, printed when clear); then the memory type.
LINUX_PTE_BITS = [(' ', 'F'), ('USR', '   '), ('ro', 'RW'), ('NX', 'x '), ('SHD', '   '),
                  ('AF', '  '), ('NG', '  '), ('CON', '   '), ('   ', 'BLK'), ('UXN', '   '),
                  ('GP', '  ')]
LINUX_MEMTYPES = ('DEVICE/nGnRnE', 'DEVICE/nGnRE', 'MEM/NORMAL-NC', 'MEM/NORMAL',
                  'MEM/NORMAL-TAGGED')


def linux_ptdump_line(text):
    """The line Linux v5.15's note_page() prints for the run `text`
    describes (its addresses, level and attribute words), column for column."""
    m = PTDUMP_RE.fullmatch(text)
    start, end = int(m['start'], 16), int(m['end'], 16)
    size, unit = ((end or 1 << 64) - start) >> 10, 'K'
    for u in 'MGTPE':
        if size & 1023:
            break
        size, unit = size >> 10, u
    line = f'0x{start:016x}-0x{end:016x}   {size:9d}{unit} {m["level"]}'
    words = m['attrs'].split()
    if words:		# a mapped run: every column, as Linux prints it
        for when_set, when_clear in LINUX_PTE_BITS:
            is_set = when_set in words if when_set.strip() else when_clear not in words
            line += ' ' + (when_set if is_set else when_clear)
        line += ''.join(' ' + w for w in words if w in LINUX_MEMTYPES)
    return line


def test_ptdump_8g(boot_kernel, symbols):
    """8 GiB: the linear map is all of RAM, in 1 GiB blocks where it can;
    the image is mapped by section: text RX, rodata R, data RW NX."""
    log = boot_kernel(memory='8G', append='console=ttyAMA0 earlycon poweroff ptdump')
    check_memory(log, symbols, 8 * G)
    rows = log.ptdump()
    check_wx(rows)
    lines = [t for t in log.texts if PTDUMP_RE.fullmatch(t)]
    assert [linux_ptdump_line(t) for t in lines] == lines, 'not in Linux v5.15\'s columns'
    assert linear_ranges(rows) == [(RAM_BASE, RAM_BASE + 8 * G)]
    assert any(lvl == 'PUD' and 'BLK' in a for s, _, lvl, a in rows if s < PAGE_END)
    # With KASLR (QEMU's DTB has a seed) the image is not at its link
    # address: its text, the only executable kernel mapping, starts at
    # _text + the offset, a 2 MiB multiple (the Image is 2 MiB aligned).
    text_start = min(s for s, _, _, a in rows if s >= PAGE_END and 'x' in a)
    offset = text_start - symbols['_text']
    assert offset > 0 and offset % (2 << 20) == 0, hex(offset)
    kimg = {name: symbols[name] + offset for name in ('_text', '_stext', '_etext',
                                                       '__init_begin', '_sdata', '_end')}

    def attrs_at(va):
        hits = [a for s, e, _, a in rows if s <= va < e]
        assert len(hits) == 1, hex(va)
        return hits[0]
    assert attrs_at(kimg['_stext'])[:2] == ['ro', 'x']
    assert attrs_at(kimg['_etext'])[:2] == ['ro', 'NX']
    assert attrs_at(kimg['_sdata'])[:2] == ['RW', 'NX']
    assert attrs_at(kimg['_end'] - 1)[:2] == ['RW', 'NX']
    for marker in ('Linear Mapping start', 'Linear Mapping end', 'Kernel image start',
                   'Fixmap start', 'Fixmap end'):
        log.index(f'---[ {marker} ]---')
    # the marker sits where the image really starts: right before its text
    after = log.texts[log.index('---[ Kernel image start ]---') + 1]
    assert PTDUMP_RE.fullmatch(after) and int(PTDUMP_RE.fullmatch(after)['start'], 16) == \
        text_start, after
    # The UART the console writes to, through ioremap, as device memory.
    assert any('DEVICE/nGnRE' in a for s, _, _, a in rows if s >= 0xffffffff00000000)


# ---- Our DTB: holes, no-map, /memreserve/, initrd -------------------------------

BANK = [(RAM_BASE, 512 * M)]
ARGS = 'console=ttyAMA0 earlycon poweroff ptdump'


def test_two_banks_with_hole(boot_dtb, virt_dtb, symbols):
    banks = [(RAM_BASE, 256 * M), (0x60000000, 256 * M)]
    log = boot_dtb(board(virt_dtb, 'two-banks', banks, ARGS))
    assert log.after('Early memory node ranges', r'  node .*') == \
        [node_line(b, b + s - 1) for b, s in banks]
    check_memory(log, symbols, 512 * M)
    rows = log.ptdump()
    check_wx(rows)
    assert linear_ranges(rows) == [(b, b + s) for b, s in banks]


def test_dma_ranges_size_zone_dma(boot_dtb, virt_dtb, symbols):
    """ZONE_DMA ends where the narrowest dma-ranges of an available node
    does (Linux v5.15's zone_dma_bits), ZONE_DMA32 at 4 GiB: a bus whose
    DMA reaches only [0x40000000, 0x80000000) makes ZONE_DMA 1 GiB of the
    2 GiB; a disabled bus with narrower dma-ranges does not count."""
    dtb = board(virt_dtb, 'dma-ranges', [(RAM_BASE, 2 * G)], ARGS, memory='2G')
    for bus, window, status in (('/dma-bus', G, 'okay'), ('/off-bus', 64 * M, 'disabled')):
        dtb.create_node(bus)
        dtb.set_cells(bus, '#address-cells', [2])
        dtb.set_cells(bus, '#size-cells', [2])
        # child address 0 is CPU address RAM_BASE, for `window` bytes
        dtb.set_cells(bus, 'dma-ranges', [0, 0, 0, RAM_BASE, window >> 32, window & 0xffffffff])
        dtb.set_string(bus, 'status', status)
    log = boot_dtb(dtb, memory='2G')
    assert log.after('Zone ranges:', r'  \S+ +(empty|\[mem .*\])') == [
        '  DMA      [mem 0x0000000040000000-0x000000007fffffff]',
        '  DMA32    [mem 0x0000000080000000-0x00000000bfffffff]',
        '  Normal   empty']
    check_memory(log, symbols, 2 * G)


def test_mem_map_has_no_holes(boot_dtb, virt_dtb, symbols):
    """Two 256 MiB banks 3 GiB apart: struct pages for the 512 MiB there
    is (4 MiB), not for the 3.25 GiB span (26 MiB, what one flat mem_map
    took); the rest of 'reserved' is the image, the DTB, page tables."""
    banks = [(RAM_BASE, 256 * M), (0x100000000, 256 * M)]
    log = boot_dtb(board(virt_dtb, 'far-banks', banks, ARGS, memory='4G'), memory='4G')
    mem = check_memory(log, symbols, 512 * M)
    image = symbols['_end'] - symbols['_text']
    per_bank = (512 * M >> 12) * 32
    assert (mem['reserved'] << 10) - image - per_bank < 4 * M, mem
    rows = log.ptdump()
    check_wx(rows)
    assert linear_ranges(rows) == [(b, b + s) for b, s in banks]


def test_reserved_memory_no_map(boot_dtb, virt_dtb, symbols):
    """A no-map range stays memory (its own node range, in the total) but is
    never mapped and never handed out: reserved grows by exactly its size,
    plus at most the page tables splitting the linear map around it costs."""
    nomap = (0x50000000, 16 * M)
    base = boot_dtb(board(virt_dtb, 'plain', BANK, ARGS), 'plain')
    log = boot_dtb(board(virt_dtb, 'nomap', BANK, ARGS, nomap=[nomap]), 'nomap')
    assert log.after('Early memory node ranges', r'  node .*') == [
        node_line(RAM_BASE, nomap[0] - 1),
        node_line(nomap[0], nomap[0] + nomap[1] - 1),
        node_line(nomap[0] + nomap[1], RAM_BASE + 512 * M - 1)]
    mem, mem0 = check_memory(log, symbols, 512 * M), check_memory(base, symbols, 512 * M)
    grew = (mem['reserved'] - mem0['reserved']) << 10
    assert nomap[1] <= grew <= nomap[1] + 4 * 4096, (mem0, mem)
    rows = log.ptdump()
    check_wx(rows)
    assert linear_ranges(rows) == [(RAM_BASE, nomap[0]),
                                   (nomap[0] + nomap[1], RAM_BASE + 512 * M)]


def test_memreserve_and_reserved_memory(boot_dtb, virt_dtb, symbols):
    """/memreserve/ and a /reserved-memory node without no-map are
    reserved, exactly, and stay in the linear map."""
    rsv = (0x48800000, 1 * M)
    node = (0x4a000000, 3 * M)
    args = ARGS + ' memblock=debug'
    base = boot_dtb(board(virt_dtb, 'plain', BANK, args), 'plain')
    log = boot_dtb(board(virt_dtb, 'rsv', BANK, args, memreserve=[rsv], reserve=[node]), 'rsv')
    mem, mem0 = check_memory(log, symbols, 512 * M), check_memory(base, symbols, 512 * M)
    assert (mem['reserved'] - mem0['reserved']) << 10 == rsv[1] + node[1]
    assert log.after('Early memory node ranges', r'  node .*') == \
        [node_line(RAM_BASE, RAM_BASE + 512 * M - 1)]
    reserved = ' '.join(t for t in log.texts if t.startswith(' reserved['))
    for b, s in (rsv, node):
        assert f'[0x{b:016x}-0x{b + s - 1:016x}], 0x{s:x} bytes' in reserved, reserved
    assert linear_ranges(log.ptdump()) == [(RAM_BASE, RAM_BASE + 512 * M)]


def test_initrd_reserved(boot_dtb, virt_dtb, symbols):
    start, size = 0x50000000, 2 * M + 4096
    base = boot_dtb(board(virt_dtb, 'plain', BANK, ARGS), 'plain')
    dtb = virt_dtb(name='initrd.dtb', memory='1G')
    dtb.set_cells('/memory@40000000', 'reg', [0, RAM_BASE, 0, 512 * M])
    dtb.set_string('/chosen', 'bootargs', ARGS)
    dtb.set_cells('/chosen', 'linux,initrd-start', [0, start])
    dtb.set_cells('/chosen', 'linux,initrd-end', [0, start + size])
    log = boot_dtb(mem_dtb.rebuild(dtb), 'initrd')
    mem, mem0 = check_memory(log, symbols, 512 * M), check_memory(base, symbols, 512 * M)
    assert (mem['reserved'] - mem0['reserved']) << 10 == size


# ---- KUnit: the MMU's permissions, the allocators -------------------------------

def run_suite(log, suite):
    i = log.index(f'    # Subtest: {suite}')
    results = [t for t in log.texts[i:] if re.fullmatch(r'\s*(not )?ok \d+ .*', t)]
    assert results and results[-1] == 'ok 1 ' + suite, str(log)
    assert not any(t.lstrip().startswith('not ok') for t in results)


@pytest.mark.parametrize('suite', ['mmu', 'page_alloc', 'slab'])
@pytest.mark.parametrize('machine', [
    dict(memory='256M'), dict(memory='1G', virtualization=True), dict(memory='3G', gic=3)],
    ids=['256M', '1G-el2', '3G-gic3'])
def test_kunit(boot_kernel, kunit_image, suite, machine):
    log = boot_kernel(append=f'console=ttyAMA0 poweroff kunit.filter_glob={suite}',
                      image=kunit_image, **machine)
    run_suite(log, suite)


def test_kunit_mmu_with_nomap_and_hole(boot_dtb, virt_dtb, kunit_image):
    """The linear-map checks on a board with a hole and a no-map range."""
    banks = [(RAM_BASE, 256 * M), (0x60000000, 256 * M)]
    args = 'console=ttyAMA0 poweroff kunit.filter_glob=mmu'
    log = boot_dtb(board(virt_dtb, 'kunit', banks, args, nomap=[(0x48000000 + 64 * M, 2 * M)]),
                   image=kunit_image)
    run_suite(log, 'mmu')
