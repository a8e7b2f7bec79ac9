# SPDX-License-Identifier: GPL-2.0
"""Secondary CPUs: brought up the Linux way, and reported in Linux's words.

Two enable-methods (Documentation/arm64/smp.rst):
  * psci: QEMU's own DTB and PSCI; every CPU starts at head.S's
    secondary_entry through CPU_ON.
  * spin-table: spintable_stub.S as -bios parks the secondaries in a
    wfe loop on their cpu-release-addr words, and our DTB says
    enable-method = "spin-table"; the kernel sends them through its
    holding pen (secondary_holding_pen).
Plus the command-line limits (nosmp, maxcpus=, nr_cpus=) and CPUs that do
not come up: a boot that goes on with the rest and says which.
"""

import os
import re

import pytest

from bootstub import SpinTableStub
from conftest import kunit_build_dir
from test_boot import BootLog, DTB_AT, IMAGE_LOW
from test_kunit import parse_ktap
from test_userspace import PROMPT, shell

MIDR = 0x411fd070                 # cortex-a57, qemu_command's default CPU
GICR_BASE = 0x080a0000            # QEMU virt's first redistributor
GICR_STRIDE = 0x20000             # RD_base + SGI_base frames, GICv3
RELEASE_BASE = 0x47fff000         # spin-table release words, 8 bytes a CPU
APPEND = 'console=ttyAMA0 poweroff'


def boot(console, argv):
    console.require_stamp = True
    console.start(argv)
    lines = console.read_until_exit()
    assert console.exitstatus == 0, \
        f'QEMU exit status {console.exitstatus}, signal {console.signalstatus}'
    return BootLog(lines)


def check_cpus_up(log, n, el, gic):
    """Every line Linux prints for n CPUs brought up, in order per CPU,
    each once; and nothing about a failure."""
    log.one('Detected PIPT I-cache on CPU0')
    if gic == 3:
        log.one(f'GICv3: CPU0: found redistributor 0 region 0:0x{GICR_BASE:016x}')
    start = log.one('smp: Bringing up secondary CPUs ...')
    last = start
    for cpu in range(1, n):
        icache = log.one(f'Detected PIPT I-cache on CPU{cpu}')
        booted = log.one(f'CPU{cpu}: Booted secondary processor 0x{cpu:010x} [0x{MIDR:08x}]')
        assert last < icache < booted, f'CPU{cpu} lines out of order:\n{log}'
        if gic == 3:
            rdist = log.one(f'GICv3: CPU{cpu}: found redistributor {cpu} region '
                            f'0:0x{GICR_BASE + cpu * GICR_STRIDE:016x}')
            assert icache < rdist < booted, f'CPU{cpu} redistributor line:\n{log}'
        last = booted
    cpus = 'CPU' if n == 1 else 'CPUs'
    up = log.one(f'smp: Brought up 1 node, {n} {cpus}')
    total = log.one(f'SMP: Total of {n} processors activated.')
    mode = log.one(f'CPU: All CPU(s) started at EL{el}')
    assert last < up < total < mode, f'summary lines out of order:\n{log}'
    log.none(r'failed to (boot|come online)|Booted secondary processor 0x0*%x ' % n)
    log.none(r'^BUG: |inconsistent modes')
    assert log.texts[-2:] == ['headstart: boot complete, CPU0 idle', 'reboot: Power down']


# ---- PSCI, QEMU's own DTB --------------------------------------------------

@pytest.mark.parametrize('smp', [1, 2, 4, 8])
def test_psci_smp(console, qemu_cmd, kernel_image, smp):
    log = boot(console, qemu_cmd(kernel=kernel_image, smp=smp, gic=3, append=APPEND))
    check_cpus_up(log, smp, el=1, gic=3)


@pytest.mark.parametrize('el', [1, 2], ids=lambda el: f'el{el}')
@pytest.mark.parametrize('gic', [2, 3], ids=lambda gic: f'gic{gic}')
def test_psci_gic_and_el(console, qemu_cmd, kernel_image, gic, el):
    log = boot(console, qemu_cmd(kernel=kernel_image, smp=4, gic=gic,
                                 virtualization=(el == 2), append=APPEND))
    check_cpus_up(log, 4, el=el, gic=gic)
    log.none(rf'^GICv{5 - gic}:')


@pytest.mark.parametrize('append, up', [
    ('nosmp', 1), ('maxcpus=1', 1), ('maxcpus=2', 2), ('maxcpus=9', 4), ('nr_cpus=3', 3),
])
def test_cpu_limits(console, qemu_cmd, kernel_image, append, up):
    """nosmp and maxcpus= start fewer CPUs; nr_cpus= makes fewer possible
    (and says so, as Linux does, when /cpus has more)."""
    log = boot(console, qemu_cmd(kernel=kernel_image, smp=4, gic=3,
                                 append=f'{APPEND} {append}'))
    check_cpus_up(log, up, el=1, gic=3)
    if append.startswith('nr_cpus'):
        log.one(f'Number of cores (4) exceeds configured maximum of {up} - clipping')
    else:
        log.none(r'^Number of cores')


# ---- DTBs of our own, through the boot stubs ---------------------------------

@pytest.fixture
def spin_table_boot(console, qemu_cmd, kernel_image, virt_dtb, test_dir, boot_env):
    """spin_table_boot(n_dtb, n_stub=None, gic=3, el=1, drop_to_el1=False,
    smp=None, append=APPEND): boot through spintable_stub.S with QEMU's DTB
    for n_dtb CPUs turned to spin-table; the stub parks n_stub of them
    (default all) and QEMU has `smp` CPUs (default n_dtb)."""
    stub = SpinTableStub(f'{boot_env.tmp_dir}/bin', boot_env.cross_compile)

    def run(n_dtb, n_stub=None, gic=3, el=1, drop_to_el1=False, smp=None, append=APPEND):
        machine = dict(smp=smp or n_dtb, gic=gic, virtualization=(el == 2))
        dtb = virt_dtb(**dict(machine, smp=n_dtb))
        for cpu in range(n_dtb):
            node = f'/cpus/cpu@{cpu}'
            dtb.set_string(node, 'enable-method', 'spin-table')
            dtb.set_cells(node, 'cpu-release-addr', [0, RELEASE_BASE + 8 * cpu])
        dtb.create_node('/reserved-memory')
        dtb.set_cells('/reserved-memory', '#address-cells', [2])
        dtb.set_cells('/reserved-memory', '#size-cells', [2])
        dtb.create_node(f'/reserved-memory/spin-table@{RELEASE_BASE:x}')
        dtb.set_cells(f'/reserved-memory/spin-table@{RELEASE_BASE:x}', 'reg',
                      [0, RELEASE_BASE, 0, 0x1000])
        dtb.set_string('/chosen', 'bootargs', append)
        bios = stub.image(f'{test_dir}/spintable-stub.bin', IMAGE_LOW, DTB_AT,
                          n_stub or n_dtb, RELEASE_BASE, drop_to_el1)
        return boot(console, qemu_cmd(bios=bios, loaders=[(kernel_image, IMAGE_LOW),
                                                          (dtb.path, DTB_AT)], **machine))
    return run


@pytest.mark.parametrize('el', [1, 2], ids=lambda el: f'el{el}')
@pytest.mark.parametrize('gic', [2, 3], ids=lambda gic: f'gic{gic}')
def test_spin_table(spin_table_boot, gic, el):
    log = spin_table_boot(4, gic=gic, el=el)
    check_cpus_up(log, 4, el=el, gic=gic)
    log.none(r'^psci: failed')


def test_spin_table_cpu_never_released(spin_table_boot):
    """The DTB names a spin-table CPU whose firmware never parked it (the
    stub starts two of three): it is reported and boot goes on without it,
    after Linux's 5 s wait."""
    log = spin_table_boot(3, n_stub=2)
    failed = log.one('CPU2: failed to come online')
    # It never ran a line of the kernel: no status of its own, only what
    # CPU1's __enable_mmu left in __early_cpu_boot_status (0), which Linux
    # reports as an unknown state.
    assert log.one('CPU2: failed in unknown state : 0x0') == failed + 1, log
    log.one('smp: Brought up 1 node, 2 CPUs')
    log.one('CPU1: Booted secondary processor 0x0000000001 [0x411fd070]')
    log.none(r'^CPU2: Booted')


def test_cpu_dies_early(console, qemu_cmd, kernel_image):
    """A secondary that finds it cannot run the kernel (test.cpu_die_early=
    stands in for a feature mismatch QEMU cannot produce) parks itself and
    says why through secondary_data.status: the boot CPU reports it in
    v5.15's words after the 5 s wait, and boot goes on with the others."""
    log = boot(console, qemu_cmd(kernel=kernel_image, smp=4, gic=3,
                                 append=APPEND + ' test.cpu_die_early=2'))
    dies = log.one('CPU2: will not boot')
    failed = log.one('CPU2: failed to come online')
    stuck = log.one('CPU2: is stuck in kernel')
    assert dies < failed < stuck, log
    log.none(r'^CPU2: (Booted|failed in unknown state)')
    for cpu in (1, 3):
        log.one(f'CPU{cpu}: Booted secondary processor 0x{cpu:010x} [0x{MIDR:08x}]')
    log.one('smp: Brought up 1 node, 3 CPUs')
    assert log.texts[-2:] == ['headstart: boot complete, CPU0 idle', 'reboot: Power down']


def test_panic_stops_the_other_cpus(console, qemu_cmd, kernel_image):
    """A panic on 4 CPUs stops the other three first (IPI_CPU_STOP), with
    Linux's line; smp_send_stop() would say if one did not stop within a
    second."""
    with console.disable_check('internal_error'), \
            console.disable_check('unable_to_handle'), \
            console.disable_check('panic'):
        log = boot(console, qemu_cmd(kernel=kernel_image, smp=4, gic=3,
                                     append=APPEND + ' test.crash=null'))
    panic = log.one('Kernel panic - not syncing: Oops: Fatal exception')
    stop = log.one('SMP: stopping secondary CPUs')
    end = log.one('---[ end Kernel panic - not syncing: Oops: Fatal exception ]---')
    assert panic < stop < end, log
    log.none(r'failed to stop secondary CPUs')


@pytest.mark.parametrize('args, error', [
    ('test.crash_cpu=5', 'test.crash_cpu=5: CPU5 is not online'),
    ('test.crash_cpu=0,5', 'test.crash_cpu=0,5: CPU5 is not online'),
    ('test.crash_cpu=x', 'test.crash_cpu=x: want CPU numbers'),
    ('test.crash_cpu=1,', 'test.crash_cpu=1,: want CPU numbers'),
    ('test.crash_stuck_cpu=', 'test.crash_stuck_cpu=: want CPU numbers'),
    ('test.crash_stuck_cpu=0,1', 'test.crash_stuck_cpu=0,1: want one CPU'),
    ('test.crash_cpu=1 test.crash_stuck_cpu=1',
     'test.crash_stuck_cpu=1: want an online CPU that does not crash'),
])
def test_crash_cpu_bad(console, qemu_cmd, kernel_image, args, error):
    """test.crash_cpu= and test.crash_stuck_cpu= (the CPUs a test crash
    runs on, the CPU it leaves spinning with interrupts masked:
    tools/testing/gdb/test_gdb_cpu_stop.py) naming no usable CPU: said,
    and the crash is not run anywhere else; boot goes on."""
    log = boot(console, qemu_cmd(kernel=kernel_image, smp=2,
                                 append=f'{APPEND} test.crash=null {args}'))
    log.one(f'crash_test: {error}')
    log.none(r'Internal error|Kernel panic|^crash_test: null')
    assert log.texts[-2:] == ['headstart: boot complete, CPU0 idle', 'reboot: Power down']


def test_psci_cpu_on_refused(console, qemu_cmd, kernel_image, virt_dtb, bootstub, test_dir):
    """/cpus lists three CPUs but the machine has two: PSCI CPU_ON of the
    third fails with INVALID_PARAMETERS, reported as -EINVAL (-22) in
    Linux's words, and boot goes on with two."""
    dtb = virt_dtb(smp=3)
    dtb.set_string('/chosen', 'bootargs', APPEND)
    stub = bootstub.image(f'{test_dir}/stub.bin', IMAGE_LOW, DTB_AT)
    log = boot(console, qemu_cmd(bios=stub, smp=2, loaders=[(kernel_image, IMAGE_LOW),
                                                           (dtb.path, DTB_AT)]))
    log.one('psci: failed to boot CPU2 (-22)')
    log.one('CPU2: failed to boot: -22')
    log.one('smp: Brought up 1 node, 2 CPUs')
    log.one('SMP: Total of 2 processors activated.')


@pytest.mark.parametrize('method, message', [
    ('foo', 'Unsupported enable-method: foo'),
    (None, 'cpu@1: missing enable-method property'),
])
def test_bad_enable_method(console, qemu_cmd, kernel_image, virt_dtb, bootstub, test_dir,
                           method, message):
    """A CPU whose enable-method is unknown or missing is not possible:
    the others come up, keeping their numbers (CPU2 stays CPU2)."""
    dtb = virt_dtb(smp=3)
    dtb.set_string('/chosen', 'bootargs', APPEND)
    if method:
        dtb.set_string('/cpus/cpu@1', 'enable-method', method)
    else:
        dtb.delete_prop('/cpus/cpu@1', 'enable-method')
    stub = bootstub.image(f'{test_dir}/stub.bin', IMAGE_LOW, DTB_AT)
    log = boot(console, qemu_cmd(bios=stub, smp=3, loaders=[(kernel_image, IMAGE_LOW),
                                                           (dtb.path, DTB_AT)]))
    log.one(message)
    log.one('smp: Brought up 1 node, 2 CPUs')
    log.one('CPU2: Booted secondary processor 0x0000000002 [0x411fd070]')  # Linux keeps the numbers


# ---- KUnit across CPUs ---------------------------------------------------------

# -icount: the CPUs take turns on one host thread (deterministic); mttcg:
# each CPU a host thread, in parallel.
ACCEL = {'icount': ['-icount', 'shift=4,sleep=off'], 'mttcg': ['-accel', 'tcg,thread=multi']}


def run_kunit_smp(console, qemu_cmd, kunit_image, accel, glob, smp=4, gic=3, timeout=180):
    """The KUnit suites matching glob on smp CPUs under accel ('icount' or
    'mttcg'), to a clean exit: the console's lines and parse_ktap's
    (suites, tops)."""
    console.start(qemu_cmd(kernel=kunit_image, smp=smp, gic=gic, extra=ACCEL[accel],
                           append=f'{APPEND} kunit.filter_glob={glob}'))
    texts = [ln.text for ln in console.read_until_exit(timeout=timeout)]
    assert console.exitstatus == 0
    return texts, parse_ktap(texts)

@pytest.mark.parametrize('accel', ['icount', 'mttcg'])
@pytest.mark.parametrize('gic', [2, 3], ids=lambda gic: f'gic{gic}')
def test_kunit_smp_suite(console, qemu_cmd, kunit_image, gic, accel):
    """The smp suite on 4 CPUs: IPI round trips, a spinlock hammered by all
    at once, per-CPU data, a cross-CPU wake-up. With -icount the CPUs take
    turns (deterministic); with multi-threaded TCG they run in parallel on
    host threads, which is what a lock must survive."""
    # With real threads on a busy 2-core host, a vCPU holding a lock can
    # be descheduled for a host time slice, and the others wait on it:
    # slow, not hung. Allow for that (run_kunit_smp's 180 s).
    texts, (suites, tops) = run_kunit_smp(console, qemu_cmd, kunit_image, accel, 'smp',
                                          gic=gic)
    assert tops == {'smp': 'ok'}, tops
    assert set(suites['smp'].values()) == {'ok'}, suites
    assert '    # smp_ipi_round_trip: 4 CPUs answered' in texts
    assert '    # smp_spinlock_hammer: 4 CPUs, 8000 increments' in texts
    assert '    # smp_cross_cpu_wakeup: woken from CPU1' in texts
    # Lines printed by all four CPUs at once came out whole, each once.
    printed = [t for t in texts if 'smp-printk' in t]
    want = {f'smp-printk: CPU{cpu} line {i}: the quick brown fox jumps over the lazy dog'
            for cpu in range(4) for i in range(10)}
    assert sorted(printed) == sorted(want), printed


# The spinlock's fairness (kernel/smp_kunit.c's smp_spinlock_fairness) and
# the SMP suites, on whichever lock the build has (asm/spinlock.h):
# test-and-set by default, ticket with CONFIG_TICKET_SPINLOCKS (make
# check-llvm builds its kernel so and runs this test on it). Under
# -icount, on 4 CPUs, the ticket lock must be fair: the CPUs take turns,
# so a wait is overtaken at most N - 1 times, or 2 (N - 1) when a time
# slice ends between the case's reading of the count and the ticket
# (the case's comment says why), and every CPU waited behind another at
# least once (the CPUs did contend). Under multi-threaded TCG, on 2
# CPUs, the figures are printed (-s shows them) but held to no bound:
# there a waiter whose host thread is descheduled before its ticket is
# taken loses any number of turns, with either lock. The test-and-set
# lock promises nothing; under -icount it starves CPUs for thousands of
# acquisitions. Documentation/arm64/smp.rst, "Why the spinlock is not
# fair", has the figures of both.
FAIRNESS_RE = re.compile(
    r'    # smp_spinlock_fairness: (\d+) CPUs, (\d+) acquisitions: a wait overtaken at '
    r'most (\d+) times \(per CPU, most/acquisitions:((?: \d+/\d+)+)\), more than (\d+) '
    r'times in (\d+) waits \((ticket|test-and-set) lock\)')


def build_has_ticket_spinlocks(boot_env):
    """Of the KUnit kernel, the one the fairness case boots."""
    with open(os.path.join(kunit_build_dir(boot_env.build_dir), '.config')) as f:
        return 'CONFIG_TICKET_SPINLOCKS=y\n' in f.readlines()


@pytest.mark.parametrize('accel, smp', [('icount', 4), ('mttcg', 2)])
def test_spinlock_fairness(console, qemu_cmd, kunit_image, boot_env, accel, smp):
    ticket = build_has_ticket_spinlocks(boot_env)
    texts, (suites, tops) = run_kunit_smp(console, qemu_cmd, kunit_image, accel, '*smp',
                                          smp=smp)
    assert tops == {'smp': 'ok', 'sched_smp': 'ok', 'hrtimer_smp': 'ok'}, tops
    for suite in tops:
        assert set(suites[suite].values()) == {'ok'}, suites
    # sched_smp and hrtimer_smp need 3 CPUs: on 2 they say so and skip.
    skips = [t for t in texts if '# SKIP' in t]
    assert all(t.endswith('# SKIP needs 3 CPUs') for t in skips), skips
    assert len(skips) == (0 if smp >= 3 else
                          len(suites['sched_smp']) + len(suites['hrtimer_smp'])), skips
    assert f'    # smp_spinlock_hammer: {smp} CPUs, {smp * 2000} increments' in texts

    lines = [m for t in texts if (m := FAIRNESS_RE.fullmatch(t))]
    assert len(lines) == 1, [t for t in texts if 'fairness' in t]
    n, total, most, per_cpu, bound, late, lock = lines[0].groups()
    n, total, most, bound, late = int(n), int(total), int(most), int(bound), int(late)
    per_cpu = [tuple(map(int, f.split('/'))) for f in per_cpu.split()]
    print(lines[0].group(0).strip())
    assert lock == ('ticket' if ticket else 'test-and-set'), lines[0].group(0)
    assert n == smp and bound == n - 1 and len(per_cpu) == n
    assert sum(taken for _, taken in per_cpu) == total
    assert n * 1000 <= total < 10 * n * 1000 + n, total     # FAIR_ROUNDS, FAIR_CAP
    assert most == max(m for m, _ in per_cpu)
    if ticket and accel == 'icount':
        assert most <= 2 * (n - 1), lines[0].group(0)
        assert all(m >= 1 for m, _ in per_cpu), lines[0].group(0)


def test_kunit_smp_barrier_litmus(console, qemu_cmd, kunit_image):
    """The smp_barrier suite (kernel/smp_barrier_kunit.c): store buffering
    and message passing between CPU0 and CPU1, many rounds, on QEMU's
    multi-threaded TCG, where the two vCPUs run at once on host threads
    and their accesses are the host's. On an x86-64 host store buffering
    fails without smp_mb() (the host's store buffer); message passing
    cannot fail there (x86 keeps stores and loads in order), so it only
    checks the compiler's order. The suite itself fails a run in which the
    two CPUs never overlapped."""
    console.start(qemu_cmd(kernel=kunit_image, smp=2, gic=3,
                           extra=ACCEL['mttcg'],
                           append=f'{APPEND} kunit.filter_glob=smp_barrier'))
    texts = [ln.text for ln in console.read_until_exit(timeout=180)]
    assert console.exitstatus == 0
    suites, tops = parse_ktap(texts)
    assert tops == {'smp_barrier': 'ok'}, tops
    assert suites['smp_barrier'] == {
        'smp_barrier_store_buffering': 'ok',
        'smp_barrier_message_passing_wmb': 'ok',
        'smp_barrier_message_passing_release': 'ok'}, suites
    sb = [t for t in texts if t.startswith('    # smp_barrier_store_buffering: 100000 rounds')]
    assert len(sb) == 1 and sb[0].endswith('neither 0'), sb


@pytest.mark.parametrize('accel', ['icount', 'mttcg'])
def test_kunit_hrtimer_smp_suite(console, qemu_cmd, kunit_image, accel):
    """hrtimers per CPU (kernel/time/hrtimer_kunit.c), on 4 CPUs: a timer
    runs on the CPU that armed it, from that CPU's own timer interrupt;
    hrtimer_cancel waits for a function running on another CPU; a queued
    timer cancelled and moved across CPUs; a task's sleep timer stays on
    the CPU it slept on while the task is moved."""
    texts, (suites, tops) = run_kunit_smp(console, qemu_cmd, kunit_image, accel, 'hrtimer_smp',
                                          timeout=120)
    assert tops == {'hrtimer_smp': 'ok'}, tops
    assert set(suites['hrtimer_smp'].values()) == {'ok'}, suites
    assert not any('# SKIP' in t for t in texts), texts
    assert '    # hrtimer_smp_runs_on_the_cpu_that_armed_it: 4 CPUs each ran the timer they armed' in texts
    assert ('    # hrtimer_smp_cancel_waits_for_running_function: hrtimer_cancel on CPU0 '
            'waited for the function on CPU1') in texts
    assert ('    # hrtimer_smp_cancel_and_move_a_queued_timer: started on CPU1, '
            'moved to CPU2, ran 1 time(s)') in texts
    assert ('    # hrtimer_smp_sleeper_moved_while_asleep: asleep on CPU1, its timer on '
            "CPU1's queue, woke on CPU2") in texts
    # 62.5 MHz at HZ=250: 250000 cycles a tick; skewed by an eighth per CPU.
    assert ("    # hrtimer_smp_tick_offsets: tick period 250000 cycles, each CPU's ticks "
            "after CPU0's: 0 31250 62500 93750") in texts


@pytest.mark.parametrize('skew, warned, offsets', [('0', False, '0 0 0 0'),
                                                   ('zz', True, '0 31250 62500 93750')])
def test_skew_tick_option(console, qemu_cmd, kunit_image, skew, warned, offsets):
    """skew_tick=0 puts every CPU's tick on the jiffy boundaries (Linux's
    default; here the ticks are skewed unless told, tick-sched.c says why):
    the hrtimer_smp suite passes that way too. A malformed value is
    reported and the default (skewed) kept."""
    console.start(qemu_cmd(kernel=kunit_image, smp=4, gic=3,
                           extra=ACCEL['icount'],
                           append=f'{APPEND} skew_tick={skew} kunit.filter_glob=hrtimer_smp'))
    texts = [ln.text for ln in console.read_until_exit(timeout=120)]
    assert console.exitstatus == 0
    assert ("Malformed early option 'skew_tick'" in texts) == warned, texts
    suites, tops = parse_ktap(texts)
    assert tops == {'hrtimer_smp': 'ok'}, tops
    assert set(suites['hrtimer_smp'].values()) == {'ok'}, suites
    assert ("    # hrtimer_smp_tick_offsets: tick period 250000 cycles, each CPU's ticks "
            f"after CPU0's: {offsets}") in texts


def test_cpus_started_in_inconsistent_modes(spin_table_boot):
    """The boot CPU enters at EL2, the firmware drops the others to EL1
    first: they come up, and the mismatch is reported in Linux's words
    instead of "All CPU(s) started at EL2"."""
    log = spin_table_boot(2, gic=2, el=2, drop_to_el1=True)
    log.one('CPU1: Booted secondary processor 0x0000000001 [0x411fd070]')
    log.one('smp: Brought up 1 node, 2 CPUs')
    log.one('CPU: CPUs started in inconsistent modes')
    log.none(r'^CPU: All CPU\(s\) started')


def test_shell_sees_every_cpu(console, qemu_cmd, kernel_image, boot_env):
    """The README's `make qemu QEMU_EXTRA="-smp 4"`: the shell's
    /proc/cpuinfo lists the 4 CPUs in Linux's arm64 format (cortex-a57,
    MIDR 0x411fd070; 62.5 MHz timer at HZ=250: BogoMIPS 125.00)."""
    initramfs = os.path.join(boot_env.build_dir, 'usr', 'initramfs.cpio')
    console.start(qemu_cmd(kernel=kernel_image, smp=4, append='console=ttyAMA0',
                           extra=['-initrd', initramfs]))
    console.expect_raw(PROMPT, timeout=30)
    out = shell(console, 'cat /proc/cpuinfo').replace('\r', '')
    entry = ('processor\t: {}\nBogoMIPS\t: 125.00\n'
             'Features\t: fp asimd aes pmull sha1 sha2 crc32\n'
             'CPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x1\n'
             'CPU part\t: 0xd07\nCPU revision\t: 0\n\n')
    assert out == ''.join(entry.format(cpu) for cpu in range(4)), out
    assert 'cpuinfo' in shell(console, 'ls /proc').split()
    # ps's PSR column: the CPU each task last ran on (/proc/PID/stat's
    # field 39). Four spinners end up spread over the CPUs; a sleeping
    # task (pid 1) stays where it is, so ps and its stat line agree.
    for _ in range(4):
        shell(console, 'spin &')
    shell(console, 'sleep 1')
    ps = shell(console, 'ps').replace('\r', '').splitlines()
    assert ps[0].split()[:5] == ['PID', 'PPID', 'S', 'PSR', 'TIME'], ps
    spins = [ln.split() for ln in ps if ln.split()[-1:] == ['spin']]
    assert len(spins) == 4, ps
    cpus = {int(f[3]) for f in spins}
    assert cpus <= set(range(4)) and len(cpus) >= 2, ps
    init = next(ln.split() for ln in ps if ln.split()[:1] == ['1'])
    stat = shell(console, 'cat /proc/1/stat')
    assert stat.rsplit(')', 1)[1].split()[36] == init[3], (stat, init)
    for f in spins:
        shell(console, f'kill {f[0]}')
    console.send('poweroff\r')
    console.read_until_exit()
    assert console.exitstatus == 0
