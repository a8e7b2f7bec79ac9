# SPDX-License-Identifier: GPL-2.0
"""Boot headstart on QEMU virt and check its boot log, whose lines use
Linux's wording for the same facts.

Two ways in:
  * QEMU's own loader (-kernel/-append): QEMU writes /memory and
    /chosen/bootargs into the DTB it passes, so -m and -append show up in
    the log: CPU models, memory sizes, GIC versions, EL1/EL2 entry.
  * bootstub.S as -bios, with Image and DTB placed by -device loader: the
    test owns the DTB (memory banks with a hole, model, bootargs), the
    Image's load address, and x0..x3, including broken DTBs and x0 = 0.

Every good boot ends with "headstart: boot complete, CPU0 idle"; with
`poweroff` in bootargs then "reboot: Power down" and QEMU exits with 0.
"""

import os
import re

import pytest

from dtb_util import CORRUPTIONS
from qemu_console import CPU_MIDR

RAM_BASE = 0x40000000
DEFAULT_APPEND = 'console=ttyAMA0 earlycon poweroff'
BOOT_COMPLETE = 'headstart: boot complete, CPU0 idle'
POWER_DOWN = 'reboot: Power down'
EARLYCON = "earlycon: pl11 at MMIO 0x0000000009000000 (options '')"
PSCI = 'psci: PSCIv1.1 detected in firmware.'     # QEMU >= 7.1 virt, both conduits
MEMORY_HEADER = 'Early memory node ranges'
BOOTING_RE = re.compile(r'Booting headstart on physical CPU 0x([0-9a-f]{10}) '
                        r'\[0x([0-9a-f]{8})\]')
# headstart version <version> (<builder>) (<compiler>, <linker>) #<n> <date>
VERSION_RE = re.compile(r'headstart version \S+ \(\S+\) \(.+, .+\) #\d+ .+')
NODE_RE = re.compile(r'  node +\d+: \[mem 0x[0-9a-f]{16}-0x[0-9a-f]{16}\]')
WARNING_X1_X3 = 'WARNING: x1-x3 nonzero in violation of boot protocol:'

IMAGE_LOW = 0x40200000      # 2 MiB above the DTB QEMU itself puts at RAM base
DTB_AT = 0x48000000

SIZES = {'128M': 128 << 20, '1G': 1 << 30, '3G': 3 << 30, '8G': 8 << 30}


def node_lines(ranges):
    """The expected node lines for [(first, last), ...] physical addresses."""
    return [f'  node   0: [mem 0x{s:016x}-0x{e:016x}]' for s, e in ranges]


class BootLog:
    """The kernel's lines from one boot, with the checks every boot shares."""

    def __init__(self, lines):
        # QEMU's own messages share the pty; they are not the kernel's.
        self.lines = [ln for ln in lines if not ln.raw.startswith('qemu-system-')]
        self.texts = [ln.text for ln in self.lines]

    def __str__(self):
        return '\n'.join(ln.raw for ln in self.lines)

    def check_stamps(self):
        bare = [ln.raw for ln in self.lines if ln.stamp is None]
        assert not bare, f'lines without a Linux timestamp: {bare}'
        stamps = [ln.stamp for ln in self.lines]
        assert stamps == sorted(stamps), f'timestamps go backwards:\n{self}'

    def one(self, pattern):
        """The single line whose text equals `pattern` (str) or fullmatches
        it (regex); fails if it is missing or repeated."""
        if isinstance(pattern, re.Pattern):
            hits = [i for i, t in enumerate(self.texts) if pattern.fullmatch(t)]
            what = f'/{pattern.pattern}/'
        else:
            hits = [i for i, t in enumerate(self.texts) if t == pattern]
            what = repr(pattern)
        assert len(hits) == 1, f'{what} printed {len(hits)} times:\n{self}'
        return hits[0]

    def none(self, regex):
        bad = [t for t in self.texts if re.search(regex, t)]
        assert not bad, f'unexpected {bad}:\n{self}'

    def memory_ranges(self):
        """The node lines right after the header (as text, so a failing
        comparison shows hex); each must be a well-formed node line."""
        i = self.one(MEMORY_HEADER)
        ranges = []
        for text in self.texts[i + 1:]:
            if not NODE_RE.fullmatch(text):
                break
            ranges.append(text)
        return ranges

    def check_common(self, *, model, cmdline, el, midr=None, poweroff=True):
        """What every successful boot prints, with these values."""
        self.check_stamps()
        m = BOOTING_RE.fullmatch(self.texts[0])
        assert m, f'first line is not the Booting line:\n{self}'
        assert m.group(1) == '0000000000', 'boot CPU is not MPIDR affinity 0'
        if midr is not None:
            assert int(m.group(2), 16) == midr, f'MIDR: {self.texts[0]}'
        self.one(VERSION_RE)
        self.one(f'Machine model: {model}')
        self.one(f'Kernel command line: {cmdline}')
        if 'earlycon' in cmdline.split():
            self.one(EARLYCON)
        else:
            self.none(r'^earlycon:')
        self.one(PSCI)
        self.one(f'CPU: All CPU(s) started at EL{el}')
        self.none(r'^FDT: ')
        if poweroff:
            assert self.texts[-2:] == [BOOT_COMPLETE, POWER_DOWN], \
                f'boot did not end with "{BOOT_COMPLETE}", "{POWER_DOWN}":\n{self}'
        else:
            assert self.texts[-1] == BOOT_COMPLETE
            self.none(r'^reboot: ')


@pytest.fixture
def boot_kernel(console, qemu_cmd, kernel_image):
    """boot_kernel(append=..., **machine): boot the Image with QEMU's -kernel
    loader and return the console (kernel lines must carry timestamps)."""
    def boot(append=DEFAULT_APPEND, **machine):
        console.require_stamp = True
        console.start(qemu_cmd(kernel=kernel_image, append=append, **machine))
        return console
    return boot


@pytest.fixture
def boot_stub(console, qemu_cmd, kernel_image, bootstub, test_dir):
    """boot_stub(image_at, dtb=None, dtb_at=DTB_AT, x0=..., x1=0, x2=0, x3=0,
    image=kernel_image, **machine): boot through bootstub.S with the Image
    (`image`, e.g. the KUnit kernel's) at `image_at` and
    `dtb` (a Dtb) at `dtb_at`; x0 defaults to dtb_at. With `stage_at`,
    QEMU loads the Image there and the stub copies it to `image_at` (QEMU's
    own DTB keeps the loader out of the first MiB of RAM)."""
    def boot(image_at=IMAGE_LOW, dtb=None, dtb_at=DTB_AT, x0=None, x1=0, x2=0,
             x3=0, stage_at=None, image=kernel_image, **machine):
        if x0 is None:
            x0 = dtb_at
        copy = {}
        if stage_at is not None:    # loaded there, copied by the stub
            copy = dict(copy_from=stage_at, copy_size=os.path.getsize(image))
        stub = bootstub.image(f'{test_dir}/stub.bin', image_at, x0, x1, x2, x3, **copy)
        loaders = [(image, image_at if stage_at is None else stage_at)]
        if dtb is not None:
            loaders.append((dtb.path, dtb_at))
        console.require_stamp = True
        console.start(qemu_cmd(bios=stub, loaders=loaders, **machine))
        return console
    return boot


def boot_to_poweroff(console):
    lines = console.read_until_exit()
    assert console.exitstatus == 0, \
        f'QEMU exit status {console.exitstatus}, signal {console.signalstatus}'
    return BootLog(lines)


# ---- QEMU's -kernel loader -------------------------------------------------

def test_boot_log(boot_kernel):
    """The default machine: every line from the contract, once each."""
    log = boot_to_poweroff(boot_kernel(cpu='cortex-a57', memory='256M'))
    log.check_common(model='linux,dummy-virt', cmdline=DEFAULT_APPEND, el=1,
                     midr=CPU_MIDR['cortex-a57'])
    assert log.memory_ranges() == node_lines([(RAM_BASE, RAM_BASE + (256 << 20) - 1)])
    log.none(r'^WARNING: x1-x3')


@pytest.mark.parametrize('cpu', ['cortex-a53', 'cortex-a57', 'cortex-a72', 'max'])
def test_cpu(boot_kernel, cpu_ids, cpu):
    """The Booting line carries this CPU's MIDR_EL1 (for `max`, whatever
    QEMU's model has, as read by the harness probe)."""
    midr = CPU_MIDR[cpu] if cpu in CPU_MIDR else cpu_ids(cpu=cpu)[0]
    log = boot_to_poweroff(boot_kernel(cpu=cpu))
    log.check_common(model='linux,dummy-virt', cmdline=DEFAULT_APPEND, el=1,
                     midr=midr)


@pytest.mark.parametrize('memory', list(SIZES))
def test_memory_size(boot_kernel, memory):
    log = boot_to_poweroff(boot_kernel(memory=memory))
    log.check_common(model='linux,dummy-virt', cmdline=DEFAULT_APPEND, el=1)
    assert log.memory_ranges() == node_lines([(RAM_BASE, RAM_BASE + SIZES[memory] - 1)])


@pytest.mark.parametrize('el', [1, 2], ids=lambda el: f'el{el}')
@pytest.mark.parametrize('gic', [2, 3], ids=lambda gic: f'gic{gic}')
def test_gic_and_entry_el(boot_kernel, gic, el):
    """Boots with either GIC, entered at EL1 or (virtualization=on) EL2."""
    log = boot_to_poweroff(boot_kernel(gic=gic, virtualization=(el == 2)))
    log.check_common(model='linux,dummy-virt', cmdline=DEFAULT_APPEND, el=el)
    log.none(rf'^GICv{5 - gic}:')       # no line naming the other version


@pytest.mark.parametrize('append', [
    'console=ttyAMA0 earlycon poweroff',
    'poweroff earlycon console=ttyAMA0  two  spaces foo="a b" x=1,2 -- init=/sbin/x',
], ids=['default', 'odd'])
def test_command_line(boot_kernel, append):
    log = boot_to_poweroff(boot_kernel(append=append))
    log.check_common(model='linux,dummy-virt', cmdline=append, el=1)


def test_no_earlycon(boot_kernel):
    """Without `earlycon` the boot is the same but has no earlycon line."""
    log = boot_to_poweroff(boot_kernel(append='console=ttyAMA0 poweroff'))
    log.check_common(model='linux,dummy-virt', cmdline='console=ttyAMA0 poweroff',
                     el=1)


def test_idle_without_poweroff(boot_kernel):
    """Without `poweroff` the kernel stays idle: QEMU keeps running."""
    con = boot_kernel(append='console=ttyAMA0 earlycon')
    con.expect(BOOT_COMPLETE)
    con.expect_running(1.0, forbid=[r'^reboot: '])
    BootLog(con.lines).check_common(model='linux,dummy-virt',
                                    cmdline='console=ttyAMA0 earlycon', el=1,
                                    poweroff=False)


# ---- bootstub.S: the test owns the DTB and the registers -------------------

TWO_BANKS = [(0x40000000, 0x10000000), (0x60000000, 0x10000000)]


def reg_cells(banks):
    cells = []
    for base, size in banks:
        cells += [base >> 32, base & 0xffffffff, size >> 32, size & 0xffffffff]
    return cells


@pytest.mark.parametrize('image_at, el', [(IMAGE_LOW, 1), (0x66000000, 1),
                                          (0x66000000, 2)],
                         ids=['low-el1', 'high-el1', 'high-el2'])
def test_user_dtb(boot_stub, virt_dtb, image_at, el):
    """Our DTB, untouched by QEMU: two banks with a hole, our model and
    bootargs; the Image at the bottom or inside the upper bank."""
    machine = dict(memory='1G', virtualization=(el == 2))
    dtb = virt_dtb(**machine)
    model = 'headstart test board (two banks)'
    cmdline = 'console=ttyAMA0 earlycon poweroff hs.test=user-dtb'
    dtb.set_string('/', 'model', model)
    dtb.set_string('/chosen', 'bootargs', cmdline)
    dtb.set_cells('/memory@40000000', 'reg', reg_cells(TWO_BANKS))
    log = boot_to_poweroff(boot_stub(image_at, dtb, **machine))
    log.check_common(model=model, cmdline=cmdline, el=el)
    assert log.memory_ranges() == node_lines([(b, b + s - 1) for b, s in TWO_BANKS])
    log.none(r'^WARNING: x1-x3')


def test_memory_sorted_and_merged(boot_stub, virt_dtb):
    """Banks out of order within a node and across nodes, some adjacent:
    listed sorted, adjacent ones merged."""
    dtb = virt_dtb(memory='2G')
    dtb.set_cells('/memory@40000000', 'reg', reg_cells(
        [(0x60000000, 0x10000000), (0x40000000, 0x10000000),
         (0x50000000, 0x08000000)]))
    dtb.create_node('/memory@70000000')
    dtb.set_string('/memory@70000000', 'device_type', 'memory')
    dtb.set_cells('/memory@70000000', 'reg', reg_cells([(0x70000000, 0x10000000)]))
    cmdline = 'console=ttyAMA0 poweroff'
    dtb.set_string('/chosen', 'bootargs', cmdline)
    log = boot_to_poweroff(boot_stub(IMAGE_LOW, dtb, memory='2G'))
    log.check_common(model='linux,dummy-virt', cmdline=cmdline, el=1)
    assert log.memory_ranges() == node_lines([(0x40000000, 0x57ffffff),
                                              (0x60000000, 0x7fffffff)])


def test_x1_x3_nonzero_warning(boot_stub, virt_dtb):
    regs = {'x1': 0x1, 'x2': 0xfedcba9876543210, 'x3': 0x8000000000000000}
    dtb = virt_dtb()
    dtb.set_string('/chosen', 'bootargs', DEFAULT_APPEND)
    log = boot_to_poweroff(boot_stub(IMAGE_LOW, dtb, **regs))
    log.check_common(model='linux,dummy-virt', cmdline=DEFAULT_APPEND, el=1)
    i = log.one(WARNING_X1_X3)
    assert log.texts[i + 1:i + 4] == [f'\t{r}: {v:016x}' for r, v in regs.items()]


# A different address each, 8-byte but not always page aligned, so the
# address in the message cannot be a constant.
@pytest.mark.parametrize('kind, dtb_at', [
    pytest.param(kind, at, id=f'{kind}@{at:#x}') for kind, at in [
        ('bad-magic', 0x48000000), ('truncated', 0x4a000000),
        ('bad-version', 0x4c000008), ('bad-structure', 0x4e000000)]])
def test_bad_dtb(boot_stub, virt_dtb, kind, dtb_at):
    """A broken DTB is reported with libfdt's error name and its address,
    then the kernel halts (QEMU keeps running)."""
    corrupt, error = CORRUPTIONS[kind]
    dtb = virt_dtb()
    dtb.set_string('/chosen', 'bootargs', DEFAULT_APPEND)
    corrupt(dtb)
    con = boot_stub(IMAGE_LOW, dtb, dtb_at=dtb_at)
    con.expect(re.compile(re.escape(f'FDT: invalid device tree blob at '
                                    f'0x{dtb_at:016x}: {error} (') + r'.+\)'))
    con.expect_running(1.0, forbid=[re.escape(BOOT_COMPLETE), r'^reboot: '])


def test_no_dtb(boot_stub):
    con = boot_stub(IMAGE_LOW, x0=0)
    con.expect('FDT: no device tree blob passed in x0')
    con.expect_running(1.0, forbid=[re.escape(BOOT_COMPLETE), r'^reboot: '])


@pytest.mark.parametrize('image_at', [0x40200800, 0x40281004, 0x4fe00ff8])
def test_misaligned_image(boot_stub, virt_dtb, image_at):
    """An Image off a 4 KiB boundary cannot run (head.S computes every
    address with adrp, which rounds to 4 KiB): head.S says so on the
    fallback UART with the MMU off (no timestamp: printk does not exist
    yet) and parks the CPU."""
    dtb = virt_dtb()
    con = boot_stub(image_at, dtb)
    con.require_stamp = False
    con.expect('headstart: the Image must be loaded at a 4 KiB-aligned physical address '
               '(see Documentation/arm64/booting.rst); halting')
    con.expect_running(1.0, forbid=[r'Booting headstart', re.escape(BOOT_COMPLETE)])


# ---- a relocatable Image, loaded anywhere 4 KiB aligned ----------------------

KERNEL_OFFSET_RE = re.compile(r'Kernel Offset: 0x([0-9a-f]+) from 0xffff800008000000')
# Off 2 MiB by 512 KiB (where Raspberry Pi firmware puts a kernel), by one
# page, by one page short of 2 MiB; 2 MiB aligned but in the last 2 MiB of
# 256 MiB of RAM; 2 MiB aligned at the very start of RAM. Below 1 MiB into
# RAM the stub copies the Image there (QEMU's DTB blocks its loader).
RELOCATED_AT = [0x40080000, 0x40281000, 0x403ff000, 0x4fe00000, 0x40000000]
STAGE_AT = 0x44000000


@pytest.mark.parametrize('kunit', [False, True], ids=['defconfig', 'kunit'])
@pytest.mark.parametrize('kaslr', [False, True], ids=['nokaslr', 'kaslr'])
@pytest.mark.parametrize('image_at', RELOCATED_AT, ids=lambda a: f'{a:#x}')
def test_relocated_image(boot_stub, virt_dtb, request, image_at, kaslr, kunit):
    """CONFIG_RELOCATABLE: the same Image boots at any 4 KiB-aligned address.
    In one boot: in the KUnit kernel, the head suite checks the early map
    (2 MiB blocks, VA and PA equal modulo 2 MiB) and a relocated pointer
    (the defconfig Image has no suites); then BUG() oopses,
    and the Call trace must name the functions (kallsyms at the offset) and
    the panic footer give the offset: the physical misalignment exactly with
    nokaslr, and with KASLR a 2 MiB multiple above it, at least 2^45
    (VA_BITS 48) as kaslr_early_init chooses."""
    from test_kunit import parse_ktap
    dtb = virt_dtb()
    cmdline = 'console=ttyAMA0 poweroff test.crash=bug' + (' kunit.filter_glob=head' * kunit)
    image = request.getfixturevalue('kunit_image' if kunit else 'kernel_image')
    if not kaslr:
        cmdline += ' nokaslr'
    dtb.set_string('/chosen', 'bootargs', cmdline)
    low = image_at < RAM_BASE + (1 << 20)
    con = boot_stub(image_at, dtb, stage_at=STAGE_AT if low else None, image=image)
    with con.disable_check('internal_error'), con.disable_check('panic'):
        log = BootLog(con.read_until_exit())
    assert con.exitstatus == 0, f'QEMU exit status {con.exitstatus}:\n{log}'
    log.one('KASLR enabled' if kaslr else 'KASLR disabled on command line')
    if kunit:
        suites, tops = parse_ktap(log.texts)
        assert tops == {'head': 'ok'}, f'{suites}\n{log}'
    i = log.one('Call trace:')
    frames = [t.split('+')[0].strip() for t in log.texts[i + 1:i + 4]]
    assert frames == ['crash_test_bug', 'crash_test_run', 'start_kernel'], f'{log}'
    if not kaslr and image_at % (2 << 20) == 0:
        log.one('Kernel Offset: disabled')      # Linux's words for offset 0
        return
    m = KERNEL_OFFSET_RE.fullmatch(log.texts[log.one(KERNEL_OFFSET_RE)])
    offset = int(m.group(1), 16)
    if kaslr:
        assert offset % (2 << 20) == image_at % (2 << 20), hex(offset)
        assert (1 << 45) <= offset < (1 << 45) + (1 << 46), hex(offset)
    else:
        assert offset == image_at % (2 << 20), hex(offset)
