# SPDX-License-Identifier: GPL-2.0
"""The same Image on QEMU's Raspberry Pi 3 Model B (-M raspi3b) with
Debian's device tree (bcm2837-rpi-3-b.dtb, fetched by scripts/install-deps
into .deps/raspi): a second machine with other drivers than virt's.

  * the console on the mini UART (ttyS1, QEMU's second serial port, the
    UART the DTB's stdout-path names), with earlycon=uart8250,mmio32;
  * the console on the PL011 (ttyAMA0, QEMU's first serial port) with
    earlycon=pl011;
  * with no console= at all: stdout-path decides (ttyS1).
Each brings up the four cores (spin-table) and boots the initramfs to
the shell and types a command, so the
interrupt path (per-core controller -> peripheral controller -> UART)
and the arch timer through the per-core controller are exercised.
The Pi has no PSCI: there is no power-off; the test stops QEMU.

A fourth boot checks the IPIs, which the Pi sends through each core's
mailbox 0 (drivers/irqchip/irq-bcm2836.c), not through a GIC: the smp
and sched_smp KUnit suites on the four cores, /proc/interrupts' IPI rows,
the PMU that every CPU opened to EL0 (an on_each_cpu() at boot) read on
CPU2, and a power-off that stops the other CPUs.
"""

import os
import re

import pytest

from test_kunit import parse_ktap

SRCTREE = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
PROMPT = re.compile(r'headstart:(\S*)# ')
A53_MIDR = 0x410fd034
MINI_UART_EARLYCON = 'earlycon=uart8250,mmio32,0x3f215040'
PL011_EARLYCON = 'earlycon=pl011,0x3f201000'


@pytest.fixture(scope='session')
def raspi_dtb():
    path = os.environ.get('RASPI_DTB') or \
        os.path.join(SRCTREE, '.deps', 'raspi', 'bcm2837-rpi-3-b.dtb')
    if not os.path.isfile(path):
        pytest.fail(f'{path} missing: scripts/install-deps test fetches it '
                    f'(make check does)', pytrace=False)
    return path


@pytest.fixture
def initramfs(boot_env):
    path = os.path.join(boot_env.build_dir, 'usr', 'initramfs.cpio')
    assert os.path.exists(path), f'{path} missing: run `make` (it builds usr/) first'
    return path


def raspi3b_cmd(boot_env, kernel, dtb, initrd, append, uart, extra=()):
    """QEMU argv: the console on serial port 0 (PL011) or 1 (mini UART)."""
    serial = ['-serial', 'stdio', '-serial', 'null'] if uart == 'pl011' else \
        ['-serial', 'null', '-serial', 'stdio']
    return [boot_env.qemu, '-M', 'raspi3b', '-m', '1G', '-display', 'none',
            '-monitor', 'none'] + serial + ['-kernel', kernel, '-dtb', dtb,
                                            '-initrd', initrd, '-append', append] + list(extra)


def boot_to_shell(console, argv):
    """The kernel's lines up to running /init, then on to the prompt."""
    console.require_stamp = True
    console.start(argv)
    console.expect('Run /init as init process', timeout=60)
    texts = [ln.text for ln in console.lines]
    console.require_stamp = False     # the shell's lines have no timestamps
    console.expect_raw(PROMPT, timeout=60)
    return texts


@pytest.mark.parametrize('uart, append, tty, earlycon', [
    ('mini', f'{MINI_UART_EARLYCON} console=ttyS1,115200', 'ttyS1',
     "earlycon: uart8250 at MMIO32 0x000000003f215040 (options '')"),
    ('pl011', f'{PL011_EARLYCON} console=ttyAMA0', 'ttyAMA0',
     "earlycon: pl11 at MMIO 0x000000003f201000 (options '')"),
    ('mini', 'rdinit=/init', 'ttyS1', None),      # stdout-path chooses
], ids=['ttyS1', 'ttyAMA0', 'stdout-path'])
def test_raspi3b_shell(console, boot_env, kernel_image, raspi_dtb, initramfs, uart,
                       append, tty, earlycon):
    texts = boot_to_shell(console, raspi3b_cmd(boot_env, kernel_image, raspi_dtb,
                                                initramfs, append, uart))
    log = '\n'.join(texts)
    m = re.search(r'Booting headstart on physical CPU 0x([0-9a-f]{10}) \[0x([0-9a-f]{8})\]', log)
    assert m and m[1] == '0000000000' and int(m[2], 16) == A53_MIDR, log
    assert 'Machine model: Raspberry Pi 3 Model B' in texts, log
    assert f'Kernel command line: {append}' in texts, log
    if earlycon:
        assert earlycon in texts, log
    # RAM from 0, less what the VideoCore keeps (QEMU's /memory says so)
    assert re.search(r'  node   0: \[mem 0x0000000000000000-0x000000003[0-9a-f]{7}\]', log), log
    # registers at bus addresses, translated through /soc's ranges
    if tty == 'ttyS1':
        assert '3f215040.serial: ttyS1 at MMIO 0x3f215040 is a 16550' in texts, log
    else:
        assert '3f201000.pl011: ttyAMA0 at MMIO 0x3f201000 is a PL011 rev2' in texts, log
    assert 'bcm2836-l1-intc: local interrupts of core 0 at 0x40000000' in texts, log
    assert re.search(r'bcm2835-armctrl: interrupt-controller@7e00b200 at 0x3f00b200, '
                     r'chained on IRQ 8', log), log
    # the mini UART is peripheral line 29 of bank 1, the PL011 line 25 of bank 2
    irq = 32 + 32 + 29 if tty == 'ttyS1' else 32 + 64 + 25
    assert f'{tty}: receiving on IRQ {irq}' in texts, log
    assert re.search(r'arch_timer: cp15 timer\(s\) running at [\d.]+MHz \(virt\)\.', log), log
    assert 'KASLR disabled due to lack of seed' in texts, log
    # the firmware's spin-table releases the other three cores
    assert 'smp: Brought up 1 node, 4 CPUs' in texts, log
    for cpu in (1, 2, 3):
        assert f'CPU{cpu}: Booted secondary processor 0x000000000{cpu} [0x{A53_MIDR:08x}]' \
            in texts, log
    # typed characters come back through the receive interrupt
    console.send('uname -m\r')
    console.expect_raw(PROMPT, timeout=30)
    assert 'aarch64' in console.child.before, console.child.before
    console.send('sleep 1\r')       # the timer ticks through the per-core controller
    console.expect_raw(PROMPT, timeout=30)


def ipi_rows(text):
    """/proc/interrupts' IPI rows: {n: ([count per CPU], name)}."""
    rows = {}
    for line in text.replace('\r', '').splitlines():
        m = re.fullmatch(r'\s*IPI(\d+):((?:\s+\d+)+)\s+(\S.*)', line)
        if m:
            rows[int(m[1])] = ([int(c) for c in m[2].split()], m[3])
    return rows


def test_raspi3b_ipis(console, boot_env, kunit_image, raspi_dtb, busybox_initramfs):
    """Inter-processor interrupts on the Pi's four cores: function calls
    that wait for every CPU (the smp suite: a round trip to each, calls
    without wait, on_each_cpu, a task woken from another CPU), reschedule
    IPIs (sched_smp: wake-ups and migration across CPUs), each core's own
    timer running the hrtimers armed there (hrtimer_smp, which the glob
    also selects), then the shell's view of them, then the IPI that stops
    the other CPUs."""
    append = f'{MINI_UART_EARLYCON} console=ttyS1,115200 kunit.filter_glob=*smp'
    # -icount: the CPUs take turns, the same run every time (test_smp.py's),
    # and QEMU's instructions-retired event counts (bench, below).
    texts = boot_to_shell(console, raspi3b_cmd(boot_env, kunit_image, raspi_dtb,
                                                busybox_initramfs, append, 'mini',
                                                ['-icount', 'shift=4,sleep=off']))
    log = '\n'.join(texts)
    assert 'smp: Brought up 1 node, 4 CPUs' in texts, log
    suites, tops = parse_ktap(texts)
    assert tops == {'smp': 'ok', 'sched_smp': 'ok', 'hrtimer_smp': 'ok'}, tops
    assert set(suites['smp'].values()) == {'ok'}, suites
    assert set(suites['sched_smp'].values()) == {'ok'}, suites
    assert set(suites['hrtimer_smp'].values()) == {'ok'}, suites
    assert '    # smp_ipi_round_trip: 4 CPUs answered' in texts, log
    assert '    # smp_call_without_wait: 50 calls to each of 3 CPUs' in texts, log
    assert '    # smp_spinlock_hammer: 4 CPUs, 8000 increments' in texts, log
    assert '    # smp_cross_cpu_wakeup: woken from CPU1' in texts, log

    console.send('cat /proc/interrupts\r')
    console.expect_raw(PROMPT, timeout=30)
    text = console.child.before
    rows = ipi_rows(text)
    assert sorted(rows) == list(range(7)), text
    assert rows[0][1] == 'Rescheduling interrupts', text
    assert rows[1][1] == 'Function call interrupts', text
    assert rows[2][1] == 'CPU stop interrupts', text
    assert all(len(counts) == 4 for counts, _ in rows.values()), text
    # The smp suite called each of CPU1-3 at least 51 times (a round trip,
    # 50 without wait, on_each_cpu...); sched_smp woke a task on CPU1.
    assert min(rows[1][0][1:]) > 50, text
    assert rows[0][0][1] > 0, text
    assert rows[2][0] == [0, 0, 0, 0], text
    # The mailbox line is the IPIs' carrier, not an interrupt of its own.
    assert not re.search(r'^\s*4:', text.replace('\r', ''), re.M), text

    # The PMU is open to EL0 on every CPU: bench's probe reads
    # PMEVCNTR0_EL0 in a child on CPU2, which a trap would kill.
    console.send('taskset -c 2 bench -n 100 | head -n 1 | tr a-z A-Z\r')
    console.expect_raw(re.compile(r'BENCH: INSTRUCTIONS RETIRED'), timeout=60)
    console.expect_raw(PROMPT, timeout=60)

    # IPI_CPU_STOP: poweroff stops CPU1-3 first (silently, unless one
    # does not stop); then there is no PSCI to switch the board off.
    console.require_stamp = True
    console.send('poweroff -f\r')
    console.expect('reboot: Power down', timeout=30)
    line = console.expect(re.compile(r'reboot: no way to power off .*|SMP: failed to stop.*'),
                          timeout=30)
    assert line.text == 'reboot: no way to power off (no PSCI): halting', line.text
