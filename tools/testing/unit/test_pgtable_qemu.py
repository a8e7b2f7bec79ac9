# SPDX-License-Identifier: GPL-2.0
"""tools/testing/unit/test_pgtable_qemu.py: the page tables head.S really
builds, compared byte for byte with the model (pgtable_model.c).

For each case the real Image boots on QEMU virt under gdb (QEMU's gdbstub
on a pipe: `target remote | qemu-system-aarch64 -gdb stdio -S ...`), stops
at the first C function __primary_switched calls (early_fdt_map with
CONFIG_RANDOMIZE_BASE, which then adds the fixmap's tables to init_pg_dir;
else start_kernel) with a hardware breakpoint (its virtual address from
System.map), and gdb dumps idmap_pg_dir..init_pg_end and reads idmap_t0sz,
kimage_voffset, TTBR0/1_EL1 and TCR_EL1. pgtable_dump runs the model with
the same load address and the symbol offsets of System.map; both must give
the same bytes, and the registers must point at those tables.

KASLR stays off, so the tables map the image at its link address: `nokaslr`
with -kernel; the loader passes no device tree, so there is no seed.

The Image is loaded either by QEMU's -kernel (at RAM base + 2 MiB) or by
the generic loader at any 2 MiB-aligned address
(`-device loader,file=Image,addr=A,force-raw=on` puts it there,
`-device loader,addr=A,cpu-num=0` starts CPU 0 there, no firmware needed).

Besides the kernel in $UNIT_OBJTREE, three variants are built from the same
sources into $UNIT_OUT (only the configuration differs, no source change):
48-bit VA with CONFIG_LOG_BUF_SHIFT=21 (a 2 MiB log buffer makes the image
larger than a 2 MiB block, so init_pg_dir maps two and, loaded at
0x7fe00000, the image crosses a 1 GiB boundary physically), and 39-bit VA
(three levels) without and with the big buffer. The Image header checks of
test_image run on each variant too. With 520 GiB of guest RAM (mapped with
MAP_NORESERVE, so the host only backs what the guest touches) the 39-bit
kernels also run from 512 GiB and up, where head.S must widen the identity
map (T0SZ 24 or less, and a level on top).

Run by `make check` in this directory, which sets UNIT_OBJTREE, UNIT_SRCTREE
and UNIT_OUT. Needs qemu-system-aarch64 and gdb-multiarch.
"""

import os
import re
import shlex
import shutil
import subprocess

import pytest

SRCTREE = os.environ.get('UNIT_SRCTREE',
                         os.path.abspath(os.path.join(os.path.dirname(__file__), '../../..')))
OBJTREE = os.environ.get('UNIT_OBJTREE', SRCTREE)
OUT = os.environ.get('UNIT_OUT', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'build'))
QEMU = os.environ.get('QEMU', 'qemu-system-aarch64')
GDB = os.environ.get('GDB', 'gdb-multiarch')
TIMEOUT = 60

# name -> Kconfig lines of the defconfig fragment (None: the given objtree)
VARIANTS = {
    'objtree': None,
    'va48-bigbss': ['CONFIG_ARM64_VA_BITS_48=y', 'CONFIG_LOG_BUF_SHIFT=21'],
    'va39': ['CONFIG_ARM64_VA_BITS_39=y'],
    'va39-bigbss': ['CONFIG_ARM64_VA_BITS_39=y', 'CONFIG_LOG_BUF_SHIFT=21'],
}

# (variant, -m, load address or None for -kernel, machine options)
CASES = [
    ('objtree', '256M', None, ''),
    ('objtree', '1G', None, ',gic-version=3'),
    ('objtree', '2G', None, ',virtualization=on'),		# entered at EL2
    ('objtree', '2G', 0x80000000, ''),			# 1 GiB aligned
    ('objtree', '2G', 0x7fe00000, ''),
    ('objtree', '2G', 0xbfe00000, ''),				# last block of RAM
    ('objtree', '8G', 0x13fe00000, ''),				# above 4 GiB
    ('va48-bigbss', '256M', None, ''),
    ('va48-bigbss', '2G', 0x7fe00000, ''),			# crosses 0x80000000
    ('va48-bigbss', '8G', 0x13fe00000, ''),			# crosses 0x140000000
    ('va39', '256M', None, ''),
    ('va39', '8G', 0x13fe00000, ''),
    ('va39-bigbss', '2G', 0x7fe00000, ''),
    # RAM up to 521 GiB: with 39 bits of VA the identity map of an image
    # at or above 2^39 (512 GiB) needs T0SZ 24 (40 bits) and an extra level
    ('va39', '520G', 0x8000000000, ''),
    ('va39-bigbss', '520G', 0x8000200000, ''),
    ('va39-bigbss', '520G', 0x7fffe00000, ''),		# crosses 2^39 physically
    ('objtree', '520G', 0x8000000000, ''),			# 48 bits: no extension
]

# Guest RAM above this is mapped without reserving host memory
# (memory-backend-ram,reserve=off: MAP_NORESERVE, only touched pages count).
BIG_RAM_GIB = 64

SYMBOLS = ('_text', '_end', '__idmap_text_start', '__idmap_text_end', 'idmap_pg_dir',
           'init_pg_dir', 'init_pg_end', 'idmap_t0sz', 'kimage_voffset', 'start_kernel')


def clean_env():
    """The environment without what a parent make passes down (its
    command-line variables travel in MAKEFLAGS and would redirect O= and
    objtree= of the kernel builds below)."""
    env = dict(os.environ)
    for k in ('MAKEFLAGS', 'MFLAGS', 'MAKELEVEL', 'MAKEOVERRIDES', 'O', 'KBUILD_OUTPUT',
              'srctree', 'objtree'):
        env.pop(k, None)
    return env


class Kernel:
    def __init__(self, objtree):
        self.objtree = objtree
        self.image = os.path.join(objtree, 'arch/arm64/boot/Image')
        self.sym = {}
        with open(os.path.join(objtree, 'System.map')) as f:
            for line in f:
                addr, _, name = line.split()
                self.sym[name] = int(addr, 16)
        missing = [s for s in SYMBOLS if s not in self.sym]
        assert not missing, f'{objtree}/System.map lacks {missing}'
        with open(os.path.join(objtree, 'include/generated/autoconf.h')) as f:
            m = re.search(r'#define CONFIG_ARM64_VA_BITS (\d+)', f.read())
        self.va_bits = int(m.group(1))
        # KIMAGE_VADDR = _PAGE_END(VA_BITS) + 128M (asm/memory.h)
        assert self.sym['_text'] == (-(1 << (self.va_bits - 1)) + (128 << 20)) % (1 << 64)
        # where head.S's tables are complete and C has not touched them
        self.first_c = self.sym.get('early_fdt_map', self.sym['start_kernel'])

    def off(self, name):
        return self.sym[name] - self.sym['_text']


def build_variant(name):
    out = os.path.join(OUT, 'kbuild-' + name)
    os.makedirs(out, exist_ok=True)
    frag = os.path.join(out, 'fragment.config')
    with open(frag, 'w') as f:
        f.write('\n'.join(VARIANTS[name]) + '\n')
    env = clean_env()
    steps = [['make', '-C', SRCTREE, f'O={out}', '-j2']]
    if not has_config(out, VARIANTS[name]):
        # DEFCONFIG is taken relative to srctree by the top-level Makefile.
        rel = os.path.relpath(frag, SRCTREE)
        steps.insert(0, ['make', '-C', SRCTREE, f'O={out}', 'defconfig', f'DEFCONFIG={rel}'])
    for argv in steps:
        res = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=600)
        assert res.returncode == 0, f'{" ".join(argv)} failed:\n{res.stdout}{res.stderr}'
    with open(os.path.join(out, '.config')) as f:
        config = f.read().splitlines()
    for want in VARIANTS[name]:
        assert want in config, f'{name}: {want} did not make it into .config'
    return out


def has_config(out, lines):
    """A .config from an earlier run with these options: keep it, so that
    the kernel is only rebuilt for what changed since."""
    try:
        with open(os.path.join(out, '.config')) as f:
            config = f.read().splitlines()
    except FileNotFoundError:
        return False
    return all(line in config for line in lines)


_kernels = {}


def kernel(variant):
    if variant not in _kernels:
        objtree = OBJTREE if VARIANTS[variant] is None else build_variant(variant)
        _kernels[variant] = Kernel(objtree)
    return _kernels[variant]


def boot_and_dump(k, mem, load, machine, workdir):
    """Boot k under gdb, stop at the first C code, return what gdb read."""
    dump = os.path.join(workdir, 'real.bin')
    if os.path.exists(dump):
        os.unlink(dump)
    qemu = [QEMU, '-M', 'virt' + machine, '-cpu', 'cortex-a57', '-m', mem,
            '-display', 'none', '-serial', 'none', '-monitor', 'none', '-nic', 'none',
            '-gdb', 'stdio', '-S']
    if mem.endswith('G') and int(mem[:-1]) > BIG_RAM_GIB:
        qemu[2] += ',memory-backend=bigram'
        qemu += ['-object', f'memory-backend-ram,id=bigram,size={mem},reserve=off']
    if load is None:
        qemu += ['-kernel', k.image, '-append', 'console=ttyAMA0 nokaslr']  # tables at link VA
    else:
        qemu += ['-device', f'loader,file={k.image},addr={load:#x},force-raw=on',
                 '-device', f'loader,addr={load:#x},cpu-num=0']
    s = k.sym
    script = [
        'set pagination off', 'set confirm off', 'set architecture aarch64',
        'target remote | exec ' + shlex.join(qemu),
        f'hbreak *{k.first_c:#x}',
        'continue',
        f'printf "PC=%#lx\\n", $pc',
        f'dump binary memory {dump} {s["idmap_pg_dir"]:#x} {s["init_pg_end"]:#x}',
        f'printf "T0SZ=%lu\\n", *(unsigned long *){s["idmap_t0sz"]:#x}',
        f'printf "VOFFSET=%#lx\\n", *(unsigned long *){s["kimage_voffset"]:#x}',
        'printf "TTBR0=%#lx\\n", $TTBR0_EL1',
        'printf "TTBR1=%#lx\\n", $TTBR1_EL1',
        'printf "TCR=%#lx\\n", $TCR_EL1',
        'kill',
    ]
    gdbfile = os.path.join(workdir, 'dump.gdb')
    with open(gdbfile, 'w') as f:
        f.write('\n'.join(script) + '\n')
    res = subprocess.run([GDB, '-nx', '-batch', '-x', gdbfile], capture_output=True,
                         text=True, timeout=TIMEOUT)
    facts = dict(re.findall(r'^([A-Z0-9]+)=(\S+)$', res.stdout, re.M))
    log = f'gdb said:\n{res.stdout}{res.stderr}'
    assert 'PC' in facts, f'never reached {k.first_c:#x}\n' + log
    assert int(facts['PC'], 16) == k.first_c, log
    assert os.path.exists(dump), log
    with open(dump, 'rb') as f:
        real = f.read()
    return real, {k: int(v, 0) for k, v in facts.items()}


def run_model(k, phys, workdir):
    out = os.path.join(workdir, 'model.bin')
    argv = [os.path.join(OUT, 'pgtable_dump'), str(k.va_bits), hex(phys)] + \
        [hex(k.off(n)) for n in ('_end', '__idmap_text_start', '__idmap_text_end',
                                 'idmap_pg_dir', 'init_pg_dir', 'init_pg_end')] + [out]
    res = subprocess.run(argv, capture_output=True, text=True, timeout=TIMEOUT)
    assert res.returncode == 0, f'{" ".join(argv)}:\n{res.stdout}{res.stderr}'
    with open(out, 'rb') as f:
        model = f.read()
    return model, {k: int(v) for k, v in re.findall(r'(\w+)=(\d+)', res.stdout)}


def describe(k, phys, off):
    """Which table a byte offset of the dump falls in, for messages."""
    base = k.sym['idmap_pg_dir']
    va = base + off
    area = 'idmap_pg_dir' if va < k.sym['init_pg_dir'] else 'init_pg_dir'
    page = (va - k.sym[area]) // 4096
    return f'{area} page {page} entry {(va % 4096) // 8} (PA {phys + k.off("idmap_pg_dir") + off:#x})'


def case_id(case):
    variant, mem, load, machine = case
    where = '-kernel' if load is None else f'{load:#x}'
    return f'{variant}-{mem}-{where}{machine.replace(",", "-")}'


@pytest.fixture(scope='session', autouse=True)
def tools_present():
    for tool in (QEMU, GDB):
        if not shutil.which(tool):
            pytest.fail(f'{tool} is not installed')
    if not os.path.exists(os.path.join(OUT, 'pgtable_dump')):
        pytest.fail(f'{OUT}/pgtable_dump is missing: run `make` in tools/testing/unit')


@pytest.mark.parametrize('case', CASES, ids=case_id)
def test_tables_match_model(case):
    variant, mem, load, machine = case
    k = kernel(variant)
    workdir = os.path.join(OUT, 'pgtable-qemu', case_id(case))
    os.makedirs(workdir, exist_ok=True)

    real, regs = boot_and_dump(k, mem, load, machine, workdir)
    phys = (k.sym['_text'] - regs['VOFFSET']) % (1 << 64)
    assert phys == (0x40200000 if load is None else load), \
        f'kernel loaded at {phys:#x}, expected elsewhere'

    model, facts = run_model(k, phys, workdir)
    assert facts['out_of_bounds'] == 0, facts
    # the space vmlinux.lds.S reserved is what the tables take
    assert facts['init_pages'] + facts['early_kaslr_pages'] == facts['early_pages'] == \
        k.off('init_pg_end') // 4096 - k.off('init_pg_dir') // 4096, facts
    assert len(real) == len(model)
    if real != model:
        diffs = []
        for off in range(0, len(real), 8):
            r = int.from_bytes(real[off:off + 8], 'little')
            m = int.from_bytes(model[off:off + 8], 'little')
            if r != m:
                diffs.append(f'  {describe(k, phys, off)}: real {r:#018x} model {m:#018x}')
        pytest.fail(f'{len(diffs)} descriptors differ:\n' + '\n'.join(diffs[:20]))

    assert regs['T0SZ'] == facts['t0sz']
    assert regs['TTBR0'] & ((1 << 48) - 2) == phys + k.off('idmap_pg_dir')
    assert regs['TTBR1'] & ((1 << 48) - 2) == phys + k.off('init_pg_dir')
    assert regs['TCR'] & 0x3f == facts['t0sz']			# TCR_EL1.T0SZ
    assert (regs['TCR'] >> 16) & 0x3f == 64 - k.va_bits		# TCR_EL1.T1SZ


@pytest.mark.parametrize('variant', [v for v in VARIANTS if VARIANTS[v] is not None])
def test_variant_image_header(variant):
    """test_image (the Image header against vmlinux) on each variant."""
    k = kernel(variant)
    env = dict(os.environ, UNIT_OBJTREE=k.objtree)
    res = subprocess.run([os.path.join(OUT, 'test_image')], env=env, capture_output=True,
                         text=True, timeout=TIMEOUT)
    assert res.returncode == 0, res.stdout + res.stderr
    if variant.endswith('bigbss'):
        assert k.off('_end') > 2 << 20, 'the variant was meant to exceed 2 MiB'


STUB = """
	ldr	x0, ={dtb:#x}
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	ldr	x4, ={entry:#x}
	br	x4
	.ltorg
"""


def test_va39_image_above_512g_boots_to_the_end(tmp_path):
    """Past head.S too: a 39-bit kernel at 0x8000200000 in 600 GiB of RAM
    (more than its 256 GiB linear map holds) keeps the RAM around the
    kernel, says what it drops, and finishes the boot. A tiny firmware
    (-bios) hands it QEMU's own DTB in x0."""
    k = kernel('va39')
    mem, load, dtb_at = '600G', 0x8000200000, 0x48000000
    machine = ['-M', 'virt,memory-backend=bigram', '-m', mem, '-object',
               f'memory-backend-ram,id=bigram,size={mem},reserve=off']
    dtb = tmp_path / 'virt.dtb'
    subprocess.run([QEMU, *machine[:1], machine[1] + f',dumpdtb={dtb}', *machine[2:],
                    '-cpu', 'cortex-a57', '-nographic', '-nic', 'none'],
                   check=True, capture_output=True, timeout=TIMEOUT)
    subprocess.run(['fdtput', '-t', 's', str(dtb), '/chosen', 'bootargs',
                    'console=ttyAMA0 poweroff'], check=True)
    subprocess.run(['fdtput', '-t', 's', str(dtb), '/chosen', 'stdout-path',
                    '/pl011@9000000'], check=True)
    (tmp_path / 'stub.S').write_text(STUB.format(dtb=dtb_at, entry=load))
    subprocess.run(['aarch64-linux-gnu-gcc', '-c', '-o', 'stub.o', 'stub.S'],
                   cwd=tmp_path, check=True)
    subprocess.run(['aarch64-linux-gnu-objcopy', '-O', 'binary', 'stub.o', 'stub.bin'],
                   cwd=tmp_path, check=True)
    res = subprocess.run([QEMU, *machine, '-cpu', 'cortex-a57', '-nographic', '-nic', 'none',
                          '-no-reboot', '-bios', str(tmp_path / 'stub.bin'),
                          '-device', f'loader,file={k.image},addr={load:#x},force-raw=on',
                          '-device', f'loader,file={dtb},addr={dtb_at:#x},force-raw=on'],
                         capture_output=True, text=True, errors='replace', timeout=TIMEOUT,
                         stdin=subprocess.DEVNULL)
    log = res.stdout
    assert res.returncode == 0, log
    # Kept: the 256 GiB below __pa(_end), rounded to 1 GiB for the window.
    end = load + k.off('_end')
    assert f'Memory: RAM above {end:#x} is beyond the linear map: ignored' in log, log
    window = (end - (256 << 30) + (1 << 30) - 1) & ~((1 << 30) - 1)
    assert f'Memory: RAM below {window:#x} is beyond the linear map: ignored' in log, log
    assert 'headstart: boot complete, CPU0 idle' in log and 'reboot: Power down' in log, log
    assert 'Kernel panic' not in log, log
