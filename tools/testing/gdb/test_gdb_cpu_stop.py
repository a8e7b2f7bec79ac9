# SPDX-License-Identifier: GPL-2.0
"""A panic, a power-off, a restart or a halt on 4 CPUs stops the other
three first (smp_send_stop, IPI_CPU_STOP): seen from QEMU's gdbstub, where
each CPU is a gdb thread, at the moment the kernel is about to halt or to
call PSCI. Each scenario is one gdb -batch run, stopped at a breakpoint
there; a Python block then prints one line per CPU:

  CPU <smp_processor_id> <QEMU's CPU#n> daif=<PSTATE.DAIF> stops=<n> frames=<f0,f1,...>

(the CPU number read through TPIDR_EL1 from its per-CPU cpu_number; stops:
its IPI_CPU_STOP count, the one /proc/interrupts shows in the IPI2 row),
then the online mask and the kernel log (hs dmesg).

A stopped CPU's innermost frames are cpu_park_loop in local_cpu_stop,
reached from the IPI handler, with all of D, A, I and F masked, and it
took the stop IPI once; it has left cpu_online_mask, which holds the
stopping CPU only. The stopping CPU is the one that hit the breakpoint
and the one whose panic or oops the log shows ("CPU: 2 PID: ...").

On QEMU virt (GICv2 SGIs; the panic with GICv3 too) and once on the
Raspberry Pi 3 (mailboxes).
The crash runs on CPU 2 (test.crash_cpu=2) while the boot CPU waits for
it with interrupts on, so the stopped CPUs are a busy one (CPU 0) and idle
ones (1, 3). test.crash_stuck_cpu=1 first makes CPU 1 spin with interrupts
masked: it cannot take the IPI, and smp_send_stop says so after a second,
in Linux's words, with the online mask ("1-2": Linux's list includes the
CPU that is stopping the others). test.crash_cpu=1,2 makes two CPUs oops
at once: one panics, the other stops itself.
"""

import os
import re

import pytest

from qemu_console import qemu_command
from test_gdb_tasks import _run

BUSYBOX = 'usr/initramfs-busybox.cpio'

SCRIPT = '''set pagination off
set confirm off
source {srctree}/scripts/gdb/vmlinux-gdb.py
target remote :{port}
SYMBOLS
break STOP_AT
continue
echo @@cpus\\n
python
for t in sorted(gdb.selected_inferior().threads(), key=lambda t: t.num):
    t.switch()
    cpu = int(gdb.parse_and_eval('*(unsigned int *)((unsigned long)&cpu_number + $TPIDR_EL1)'))
    stops = int(gdb.parse_and_eval("((struct ipi_stat *)((unsigned long)&'smp.c'::ipi_stats"
                                   " + $TPIDR_EL1))->count[IPI_CPU_STOP]"))
    daif = int(gdb.parse_and_eval('$cpsr')) & 0x3c0
    names, f = [], gdb.newest_frame()
    while f is not None and len(names) < 16:
        names.append(f.name() or '?')
        f = f.older()
    print(f'CPU {cpu} {t.details.split()[0]} daif={daif:#x} stops={stops} frames={",".join(names)}')
end
echo @@online\\n
print/x __cpu_online_mask.bits
echo @@dmesg\\n
hs dmesg
echo @@end\\n
kill
'''

DAIF_ALL = 0x3c0        # PSTATE.{D,A,I,F}: every exception masked
DAIF_I = 0x80


class Cpu:
    def __init__(self, m):
        self.cpu, self.qemu = int(m['cpu']), m['qemu']
        self.daif, self.stops = int(m['daif'], 16), int(m['stops'])
        self.frames = m['frames'].split(',')

    def __repr__(self):
        return f'CPU{self.cpu}({self.qemu} daif={self.daif:#x} stops={self.stops} {self.frames})'


def stop_run(env, name, stop_at, append, initrd=False, raspi_dtb=None, gic=None):
    """Boot on 4 CPUs (QEMU virt, its default GICv2 or `gic`, or the
    Raspberry Pi 3 with its DTB) to the breakpoint: (CPUs by number,
    online mask, log)."""
    script = SCRIPT.replace('STOP_AT', stop_at)
    if raspi_dtb:
        # The console is the mini UART, QEMU's second serial port. No
        # KASLR there (no seed) and the Image at 0x200000, 2 MiB aligned:
        # the kernel runs at its link addresses, vmlinux's own symbols.
        machine = [env.qemu, '-M', 'raspi3b', '-m', '1G', '-display', 'none',
                   '-monitor', 'none', '-serial', 'null', '-serial', 'stdio',
                   '-kernel', env.file('arch/arm64/boot/Image'), '-dtb', raspi_dtb,
                   '-append', 'console=ttyS1 ' + append]
        session = _run(env, f'cpu-stop-{name}', script.replace('SYMBOLS\n', ''),
                       machine=machine)
    else:
        machine = gic and qemu_command(qemu=env.qemu, kernel=env.file('arch/arm64/boot/Image'),
                                       append='console=ttyAMA0 ' + append, smp=4, gic=gic)
        session = _run(env, f'cpu-stop-{name}',
                       script.replace('SYMBOLS', 'hs phys-symbols 0x40200000\nhs mmu-on'),
                       initrd=initrd, append='console=ttyAMA0 ' + append, smp=4,
                       machine=machine)
    cpus = {}
    for m in re.finditer(r'^CPU (?P<cpu>\d+) (?P<qemu>CPU#\d+) daif=(?P<daif>0x[0-9a-f]+) '
                         r'stops=(?P<stops>\d+) frames=(?P<frames>\S+)$',
                         session['cpus'], re.M):
        cpus[int(m['cpu'])] = Cpu(m)
    assert sorted(cpus) == [0, 1, 2, 3], session.output
    online = re.search(r'^\$\d+ = (0x[0-9a-f]+)$', session['online'], re.M)
    assert online, session['online']
    log = [re.sub(r'^\[\s*\d+\.\d+\] ', '', ln) for ln in session['dmesg'].split('\n')]
    return cpus, int(online[1], 16), log


def assert_stopped(cpu):
    """Parked by the stop IPI for good: nothing can interrupt it."""
    assert cpu.frames[:3] == ['cpu_park_loop', 'local_cpu_stop', 'do_handle_IPI'], cpu
    assert cpu.daif == DAIF_ALL, cpu
    assert cpu.stops == 1, cpu


def index(log, pattern):
    hits = [i for i, ln in enumerate(log) if re.fullmatch(pattern, ln)]
    assert len(hits) == 1, (pattern, log[-40:])
    return hits[0]


@pytest.mark.parametrize('gic', [2, 3])
def test_panic_stops_the_other_cpus(env, gic):
    """An oops on CPU 2: CPU 2 alone runs on, in panic's halt; 0, 1 and 3
    are parked in local_cpu_stop, masked, each after one stop IPI (an SGI
    through GICD_SGIR with GICv2, ICC_SGI1R_EL1 with GICv3)."""
    cpus, online, log = stop_run(env, f'panic-gicv{gic}', 'machine_halt',
                                 'test.crash=null test.crash_cpu=2', gic=gic)
    index(log, rf'GICv{gic}: \d+ SPIs implemented')
    panicking = cpus[2]
    assert panicking.frames[:2] == ['machine_halt', 'panic'], panicking
    assert 'die' in panicking.frames and 'crash_test_null' in panicking.frames, panicking
    assert panicking.stops == 0, panicking
    for n in (0, 1, 3):
        assert_stopped(cpus[n])
    assert online == 1 << 2
    oops = index(log, r'CPU: 2 PID: \d+ Comm: crash_test/2 .*')
    panic = index(log, r'Kernel panic - not syncing: Oops: Fatal exception')
    stop = index(log, r'SMP: stopping secondary CPUs')
    assert oops < panic < stop, log[-40:]
    assert not [ln for ln in log if 'failed to stop' in ln], log[-40:]


def test_panic_stops_the_other_cpus_raspi3b(env):
    """The same on the Raspberry Pi 3 (-M raspi3b), where the stop IPI is
    bit 2 of each core's mailbox 0 (irq-bcm2836.c), not a GIC SGI."""
    dtb = os.environ.get('RASPI_DTB') or \
        os.path.join(env.srctree, '.deps', 'raspi', 'bcm2837-rpi-3-b.dtb')
    if not os.path.isfile(dtb):
        pytest.fail(f'{dtb} missing: scripts/install-deps test fetches it', pytrace=False)
    cpus, online, log = stop_run(env, 'panic-raspi3b', 'machine_halt',
                                 'test.crash=null test.crash_cpu=2', raspi_dtb=dtb)
    assert cpus[2].frames[:2] == ['machine_halt', 'panic'], cpus[2]
    for n in (0, 1, 3):
        assert_stopped(cpus[n])
        assert 'bcm2836_arm_irqchip_handle_irq' in cpus[n].frames, cpus[n]
    assert online == 1 << 2
    index(log, r'CPU: 2 PID: \d+ Comm: crash_test/2 .*')
    index(log, r'SMP: stopping secondary CPUs')
    assert not [ln for ln in log if 'failed to stop' in ln], log[-40:]


def test_stuck_cpu_is_reported(env):
    """CPU 1 spins with interrupts masked (test.crash_stuck_cpu=1) when
    CPU 2 panics: the stop IPI stays pending there, the second passes, and
    Linux's line lists the CPUs still online; the others are stopped."""
    cpus, online, log = stop_run(env, 'stuck', 'machine_halt',
                                 'test.crash=null test.crash_cpu=2 test.crash_stuck_cpu=1')
    stuck = cpus[1]
    assert 'crash_test_stuck' in stuck.frames, stuck
    assert stuck.daif & DAIF_I and stuck.stops == 0, stuck
    assert cpus[2].frames[:2] == ['machine_halt', 'panic'], cpus[2]
    for n in (0, 3):
        assert_stopped(cpus[n])
    assert online == 1 << 1 | 1 << 2
    stop = index(log, r'SMP: stopping secondary CPUs')
    failed = index(log, r'SMP: failed to stop secondary CPUs 1-2')
    assert stop < failed, log[-40:]


def test_concurrent_panics(env):
    """CPUs 1 and 2 oops at the same moment, interrupts masked
    (test.crash_cpu=1,2), so that both reach panic(): one goes through
    (v5.15's panic_cpu) and stops the others; the second stops itself
    (panic_smp_self_stop) instead of printing a second panic and waiting
    for a CPU that cannot take its IPI."""
    cpus, online, log = stop_run(env, 'two-panics', 'machine_halt',
                                 'test.crash=null test.crash_cpu=1,2')
    first = [c for c in cpus.values() if c.frames[:2] == ['machine_halt', 'panic']]
    assert len(first) == 1 and first[0].cpu in (1, 2), cpus
    second = cpus[3 - first[0].cpu]
    assert second.frames[:4] == ['cpu_park_loop', 'local_cpu_stop', 'panic_smp_self_stop',
                                 'panic'], second
    assert 'die' in second.frames and second.daif == DAIF_ALL and second.stops == 0, second
    for n in (0, 3):
        assert_stopped(cpus[n])
    assert online == 1 << first[0].cpu
    for n in (1, 2):
        index(log, rf'CPU: {n} PID: \d+ Comm: crash_test/{n} .*')
    index(log, r'Kernel panic - not syncing: Oops: Fatal exception')
    index(log, r'SMP: stopping secondary CPUs')
    assert not [ln for ln in log if 'failed to stop' in ln], log[-40:]


@pytest.mark.parametrize('name, append, initrd, stop_at, caller, line', [
    ('poweroff', 'poweroff', False, 'psci_sys_poweroff', 'kernel_power_off',
     'reboot: Power down'),
    ('restart', 'rdinit=/bin/busybox -- reboot -f', BUSYBOX, 'psci_sys_reset',
     'kernel_restart', 'reboot: Restarting system'),
    ('halt', 'rdinit=/bin/busybox -- halt -f', BUSYBOX, 'machine_halt',
     'kernel_halt', 'reboot: System halted'),
])
def test_shutdown_stops_the_other_cpus(env, name, append, initrd, stop_at, caller, line):
    """Power off (the `poweroff` boot argument, at the end of boot), restart
    and halt (busybox's reboot -f and halt -f as init: reboot(2)): when
    the kernel is about to call PSCI or halt, the other three CPUs are
    stopped. Linux says nothing of it then ("SMP: stopping secondary CPUs"
    only while the system is running)."""
    cpus, online, log = stop_run(env, name, stop_at, append, initrd=initrd)
    callers = [c for c in cpus.values() if caller in c.frames]
    assert len(callers) == 1, cpus
    me = callers[0]
    assert me.frames[0] == stop_at, me
    for c in cpus.values():
        if c is not me:
            assert_stopped(c)
    assert online == 1 << me.cpu
    index(log, re.escape(line))
    assert not [ln for ln in log if 'stopping secondary' in ln or 'failed to stop' in ln], \
        log[-40:]
