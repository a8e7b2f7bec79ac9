# SPDX-License-Identifier: GPL-2.0
"""AT_HWCAP, AT_HWCAP2 and /proc/cpuinfo's Features line on CPUs with
different features, against the ID registers read independently.

harness_probe.S (the `cpu_id_regs` fixture) reads ID_AA64PFR0/PFR1,
ISAR0/ISAR1 and MMFR2 of QEMU's model of each CPU; HWCAPS below decodes
them as the Arm ARM defines the fields and Linux v5.15 maps them to hwcaps
(arch/arm64/kernel/cpufeature.c's arm64_elf_hwcaps, the names and order of
cpuinfo.c's hwcap_str). Then the kernel boots on that CPU and
tools/testing/glibc/hwcap.c prints getauxval(AT_HWCAP/AT_HWCAP2) and
/proc/cpuinfo: both must say exactly what the registers say. cortex-a57
(v8.0), cortex-a76 (v8.2: atomics, fphp, lrcpc, dcpop, asimddp...) and
`max` (sha3, sha512, dit, sb, ssbs, frint, bf16, i8mm, rng...) differ, so
no set fixed in the kernel passes on all three.
"""

import re

import pytest

from test_glibc import glibc_dir, glibc_initrd, init_prog  # noqa: F401 (fixtures)
from test_kunit import ICOUNT

# (name, AT_HWCAP word, bit, register, field shift, signed field, minimum):
# the hwcap is set when the 4-bit field is at least the minimum; a signed
# field (FP, AdvSIMD, DIT) reads 0xf as -1, "not implemented".
HWCAPS = [
    ('fp', 1, 0, 'id_aa64pfr0', 16, True, 0),
    ('asimd', 1, 1, 'id_aa64pfr0', 20, True, 0),
    ('aes', 1, 3, 'id_aa64isar0', 4, False, 1),
    ('pmull', 1, 4, 'id_aa64isar0', 4, False, 2),
    ('sha1', 1, 5, 'id_aa64isar0', 8, False, 1),
    ('sha2', 1, 6, 'id_aa64isar0', 12, False, 1),
    ('crc32', 1, 7, 'id_aa64isar0', 16, False, 1),
    ('atomics', 1, 8, 'id_aa64isar0', 20, False, 2),
    ('fphp', 1, 9, 'id_aa64pfr0', 16, True, 1),
    ('asimdhp', 1, 10, 'id_aa64pfr0', 20, True, 1),
    ('asimdrdm', 1, 12, 'id_aa64isar0', 28, False, 1),
    ('jscvt', 1, 13, 'id_aa64isar1', 12, False, 1),
    ('fcma', 1, 14, 'id_aa64isar1', 16, False, 1),
    ('lrcpc', 1, 15, 'id_aa64isar1', 20, False, 1),
    ('dcpop', 1, 16, 'id_aa64isar1', 0, False, 1),
    ('sha3', 1, 17, 'id_aa64isar0', 32, False, 1),
    ('sm3', 1, 18, 'id_aa64isar0', 36, False, 1),
    ('sm4', 1, 19, 'id_aa64isar0', 40, False, 1),
    ('asimddp', 1, 20, 'id_aa64isar0', 44, False, 1),
    ('sha512', 1, 21, 'id_aa64isar0', 12, False, 2),
    ('asimdfhm', 1, 23, 'id_aa64isar0', 48, False, 1),
    ('dit', 1, 24, 'id_aa64pfr0', 48, True, 1),
    ('uscat', 1, 25, 'id_aa64mmfr2', 32, False, 1),
    ('ilrcpc', 1, 26, 'id_aa64isar1', 20, False, 2),
    ('flagm', 1, 27, 'id_aa64isar0', 52, False, 1),
    ('ssbs', 1, 28, 'id_aa64pfr1', 4, False, 2),
    ('sb', 1, 29, 'id_aa64isar1', 36, False, 1),
    ('dcpodp', 2, 0, 'id_aa64isar1', 0, False, 2),
    ('flagm2', 2, 7, 'id_aa64isar0', 52, False, 2),
    ('frint', 2, 8, 'id_aa64isar1', 32, False, 1),
    ('i8mm', 2, 13, 'id_aa64isar1', 52, False, 1),
    ('bf16', 2, 14, 'id_aa64isar1', 44, False, 1),
    ('dgh', 2, 15, 'id_aa64isar1', 48, False, 1),
    ('rng', 2, 16, 'id_aa64isar0', 60, False, 1),
]
# Never reported, whatever the CPU has (cpufeature.c's header says why):
# they need the kernel's help (evtstrm, cpuid, sve*, paca, pacg, bti, mte),
# or headstart does not read their register (ecv, afp, rpres).


def field(value, shift, signed):
    f = (value >> shift) & 0xf
    return f - 16 if signed and f >= 8 else f


def expected_hwcaps(regs):
    """(AT_HWCAP, AT_HWCAP2, Features names in Linux's order) for these ID registers."""
    words, names = {1: 0, 2: 0}, []
    for name, word, bit, reg, shift, signed, minimum in sorted(HWCAPS,
                                                                key=lambda h: (h[1], h[2])):
        if field(regs[reg], shift, signed) >= minimum:
            words[word] |= 1 << bit
            names.append(name)
    return words[1], words[2], names


def test_decoder():
    """The decoder itself, on register values decoded by hand: a Cortex-A57
    (ISAR0 0x11120, PFR0 0x2222), a v8.2 CPU with atomics, RDM, DP, LRCPC,
    DPB, half-precision FP (SSBS field 1: no ssbs; MMFR2.AT 0: no uscat),
    and one without FP and AdvSIMD (fields 0xf)."""
    a57 = {'id_aa64pfr0': 0x2222, 'id_aa64pfr1': 0, 'id_aa64isar0': 0x11120,
           'id_aa64isar1': 0, 'id_aa64mmfr2': 0}
    assert expected_hwcaps(a57) == (0xfb, 0,
                                    ['fp', 'asimd', 'aes', 'pmull', 'sha1', 'sha2', 'crc32'])
    a55 = {'id_aa64pfr0': 0x10112222, 'id_aa64pfr1': 0x10, 'id_aa64isar0': 0x100010211120,
           'id_aa64isar1': 0x100001, 'id_aa64mmfr2': 0x1011}
    hw, hw2, names = expected_hwcaps(a55)
    assert names == ['fp', 'asimd', 'aes', 'pmull', 'sha1', 'sha2', 'crc32', 'atomics',
                     'fphp', 'asimdhp', 'asimdrdm', 'lrcpc', 'dcpop', 'asimddp']
    assert (hw, hw2) == (0x1197fb, 0)
    no_fp = dict(a57, id_aa64pfr0=0xff0022)
    assert expected_hwcaps(no_fp)[2] == ['aes', 'pmull', 'sha1', 'sha2', 'crc32']


def boot_hwcap(console, qemu_cmd, kernel_image, tmp_path, init_prog, glibc_dir, cpu):
    initrd = glibc_initrd(tmp_path, init_prog, glibc_dir, 'hwcap')
    console.start(qemu_cmd(kernel=kernel_image, cpu=cpu, memory='256M',
                           append='console=ttyAMA0 poweroff -- /bin/hwcap',
                           extra=['-initrd', str(initrd)] + ICOUNT))
    texts = [ln.text for ln in console.read_until_exit(timeout=60)]
    assert console.exitstatus == 0
    assert 'init: /bin/hwcap exited with status 0' in texts, texts[-20:]
    aux = [re.fullmatch(r'hwcap: AT_HWCAP=(0x[0-9a-f]+|0) AT_HWCAP2=(0x[0-9a-f]+|0)', t)
           for t in texts]
    aux = [m for m in aux if m]
    assert len(aux) == 1, texts[-20:]
    features = [t.split(':', 1)[1].split() for t in texts
                if re.match(r'Features\s*:', t)]
    return int(aux[0].group(1), 16), int(aux[0].group(2), 16), features


@pytest.mark.parametrize('cpu', ['cortex-a57', 'cortex-a76', 'max'])
def test_hwcaps_follow_id_registers(console, qemu_cmd, kernel_image, tmp_path, init_prog,
                                    glibc_dir, cpu_id_regs, cpu):
    regs = cpu_id_regs(cpu=cpu)
    hwcap, hwcap2, names = expected_hwcaps(regs)
    got_hwcap, got_hwcap2, features = boot_hwcap(console, qemu_cmd, kernel_image, tmp_path,
                                                 init_prog, glibc_dir, cpu)
    regs_text = ' '.join(f'{k}={v:#x}' for k, v in regs.items())
    assert (got_hwcap, got_hwcap2) == (hwcap, hwcap2), \
        f'AT_HWCAP {got_hwcap:#x}/{got_hwcap2:#x}, ID registers say {hwcap:#x}/{hwcap2:#x} ' \
        f'({regs_text})'
    assert features == [names], f'/proc/cpuinfo Features {features}, expected {names}'


def test_cpus_differ(cpu_id_regs):
    """The CPUs above really differ, so one fixed answer cannot pass them
    all: each has more than the one before, and only max has AT_HWCAP2 bits."""
    a57, a76, big = (expected_hwcaps(cpu_id_regs(cpu=cpu))
                     for cpu in ('cortex-a57', 'cortex-a76', 'max'))
    assert set(a57[2]) < set(a76[2]) < set(big[2]), (a57, a76, big)
    assert big[1] != 0 and a76[1] == 0, (a76, big)
