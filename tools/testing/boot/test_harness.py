# SPDX-License-Identifier: GPL-2.0
"""Tests of the boot-test harness itself; they need no kernel build.

harness_probe.S stands in for a kernel: entered through bootstub.S it
prints the registers and EL it got plus a message chosen here, then powers
off (or hangs).  That checks the boot stub's register hand-off and every
console behaviour the kernel tests rely on: exact line matching, timestamps,
bad patterns, the hang detector, exit status and the log file.
"""

import os
import struct

import pytest

from dtb_util import CORRUPTIONS, libfdt_check
from qemu_console import (CPU_MIDR, BadPatternError, ConsoleError,
                          ConsoleTimeout, UnexpectedExit, qemu_command)

def test_qemu_command_line():
    argv = qemu_command(cpu='cortex-a72', memory='1G', gic=3,
                        virtualization=True, kernel='/k/Image',
                        append='console=ttyAMA0 a="b c"',
                        loaders=[('/d/x,y.dtb', 0x48000000)], extra=['-s'])
    assert argv == [
        'qemu-system-aarch64', '-M', 'virt,gic-version=3,virtualization=on',
        '-cpu', 'cortex-a72', '-m', '1G', '-nographic', '-nic', 'none',
        '-no-reboot', '-kernel', '/k/Image', '-append', 'console=ttyAMA0 a="b c"',
        '-device', 'loader,file=/d/x,,y.dtb,addr=0x48000000,force-raw=on', '-s']


@pytest.mark.parametrize('virtualization, el', [(False, 1), (True, 2)],
                         ids=['el1', 'el2'])
def test_bootstub_passes_registers(boot_probe, virtualization, el):
    regs = (0x48000000, 0x1, 0xfedcba9876543210, 0x8000000000000000)
    con = boot_probe(regs=regs, virtualization=virtualization)
    con.expect_lines_in_order([f'probe: x{i}={v:016x}' for i, v in enumerate(regs)]
                              + [f'probe: EL{el}'])
    assert con.wait_exit() == 0


# The MIDR_EL1 table test_boot.py expects, checked against QEMU's model.
@pytest.mark.parametrize('cpu', sorted(CPU_MIDR))
def test_cpu_ids(cpu_ids, cpu):
    assert cpu_ids(cpu=cpu) == (CPU_MIDR[cpu], 0x80000000)


def test_bootstub_params_block(bootstub, test_dir):
    path = bootstub.image(os.path.join(test_dir, 's.bin'), 0x66000000, 1, 2, 3, 4)
    with open(path, 'rb') as f:
        blob = f.read()
    assert struct.unpack_from('<5Q', blob, 0x40) == (0x66000000, 1, 2, 3, 4)
    assert blob[:0x40] == bootstub.blob[:0x40]


def test_timestamps_parsed(boot_probe):
    con = boot_probe('[    0.000100] hello\n[   12.345678] world\nno stamp\n')
    line = con.expect('hello')
    assert line.raw == '[    0.000100] hello'
    assert line.stamp == pytest.approx(0.0001)
    assert con.expect('world').stamp == pytest.approx(12.345678)
    assert con.expect('no stamp').stamp is None
    assert con.wait_exit() == 0


def test_expect_is_exact_not_prefix(boot_probe):
    con = boot_probe('Kernel command line: a b\n')
    with pytest.raises(UnexpectedExit):
        con.expect('Kernel command line: a')


def test_require_stamp(boot_probe):
    con = boot_probe('plain line\n')
    con.require_stamp = True
    with pytest.raises(ConsoleError, match='no Linux timestamp'):
        con.expect('plain line')


@pytest.mark.parametrize('bad', [
    '[    0.100000] Kernel panic - not syncing: probe',
    '[    0.100000] Internal error: Oops: 0000000096000044 [#1] SMP',
    '[    0.100000] Unexpected kernel BRK exception at EL1',
    '[    0.100000] Unable to handle kernel NULL pointer dereference at virtual address 0000000000000000',
    '[    0.100000]     not ok 1 probe_case',
], ids=['panic', 'internal_error', 'unexpected', 'unable_to_handle', 'ktap_not_ok'])
def test_bad_pattern_fails_at_once(boot_probe, bad):
    # The probe hangs afterwards: only the bad-pattern check, not the
    # timeout, can end this wait with BadPatternError.
    con = boot_probe(bad + '\n', hang=True)
    with pytest.raises(BadPatternError, match='bad pattern'):
        con.expect('never printed')


def test_good_lines_are_not_bad(boot_probe):
    msg = ('[    0.100000] WARNING: x1-x3 nonzero in violation of boot protocol:\n'
           '[    0.100000]     ok 1 probe_case\n[    0.100000] no panic here\n')
    con = boot_probe(msg)
    lines = con.read_until_exit()
    assert [ln.raw for ln in lines][-3:] == msg.splitlines()
    assert con.exitstatus == 0


def test_disable_check(boot_probe):
    con = boot_probe('[    0.100000] Kernel panic - not syncing: on purpose\n')
    with con.disable_check('panic'):
        con.expect('Kernel panic - not syncing: on purpose')
    assert con.wait_exit() == 0


def test_hang_detector(boot_probe):
    con = boot_probe('about to hang\n', hang=True)
    con.expect('about to hang')
    con.timeout = 1.0
    with pytest.raises(ConsoleTimeout):
        con.expect('never printed')


def test_expect_running(boot_probe):
    con = boot_probe('spinning\n', hang=True)
    con.expect('spinning')
    assert con.expect_running(0.5) == []


def test_expect_running_notices_exit(boot_probe):
    con = boot_probe('bye\n')
    with pytest.raises(UnexpectedExit):
        con.expect_running(20)


def test_log_file(boot_probe):
    con = boot_probe('logged line\n')
    assert con.wait_exit() == 0
    con.close()
    with open(con.log_path, encoding='utf-8') as f:
        log = f.read()
    assert f'# cmd: {con.command_line}\n' in log
    assert 'probe: EL1' in log and 'logged line' in log


def test_dtb_util(virt_dtb):
    dtb = virt_dtb(memory='1G')
    hdr = dtb.header()
    assert hdr['magic'] == 0xd00dfeed and hdr['totalsize'] == len(dtb.read())
    assert dtb.get('/', 'model') == 'linux,dummy-virt'
    assert dtb.get('/memory@40000000', 'reg', 'x').split() == [
        '0', '40000000', '0', '40000000']
    dtb.set_string('/chosen', 'bootargs', 'a b=c')
    dtb.set_cells('/memory@40000000', 'reg', [0, 0x40000000, 0, 0x1000])
    assert dtb.get('/chosen', 'bootargs') == 'a b=c'
    assert dtb.get('/memory@40000000', 'reg', 'x').split() == [
        '0', '40000000', '0', '1000']
    off = dtb.node_offset('/memory@40000000')
    blob = dtb.read()
    assert blob[off:off + 4] == b'\0\0\0\x01'
    assert blob[off + 4:off + 4 + len('memory@40000000') + 1] == b'memory@40000000\0'


def test_pristine_dtb_passes_libfdt(virt_dtb):
    assert libfdt_check(virt_dtb().path) == (None, None)


@pytest.mark.parametrize('kind', sorted(CORRUPTIONS))
def test_corruption_matches_libfdt(virt_dtb, kind):
    """The error test_boot.py expects for each broken DTB is what libfdt
    itself says: fdt_check_header() for header damage; for a bad structure
    block the header still passes and only fdt_check_full() finds it."""
    corrupt, error = CORRUPTIONS[kind]
    dtb = virt_dtb()
    corrupt(dtb)
    header, full = libfdt_check(dtb.path)
    if kind == 'bad-structure':
        assert (header, full) == (None, error)
    else:
        assert (header, full) == (error, error)
