# SPDX-License-Identifier: GPL-2.0
"""Exceptions, interrupts and time, on QEMU virt.

  * The in-kernel self-tests (KUnit suites traps, irq, timer) on GICv2 and
    GICv3, entered at EL1 and at EL2: every case `ok` (the console's bad
    patterns fail the test at the first `not ok`).
  * The boot log's GIC and arch_timer lines, with values read from QEMU's
    own device tree.
  * Deliberate faults through the test-only `test.crash=<kind>` bootarg
    (arch/arm64/kernel/crash_test.c): the oops must say what Linux says,
    with fields that agree with the ESR it prints, a `pc :` line naming the
    faulting function at an offset inside it (checked against vmlinux's
    own symbols), and a `Call trace:` naming the callers in order.
"""

import os
import re
import subprocess

import pytest

SUITES = {'traps': 10, 'irq': 4, 'timer': 5}
APPEND = 'console=ttyAMA0 poweroff'
SRCTREE = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
CRASH_TEST_C = os.path.join(SRCTREE, 'arch', 'arm64', 'kernel', 'crash_test.c')

SYM_RE = r'([A-Za-z_][A-Za-z0-9_.]*)\+0x([0-9a-f]+)/0x([0-9a-f]+)'
OOPS_PATTERNS = ('internal_error', 'unable_to_handle', 'panic')


def boot(console, qemu_cmd, kernel_image, append, **machine):
    console.require_stamp = True
    console.start(qemu_cmd(kernel=kernel_image, append=append, **machine))
    return console


def texts(lines):
    return [ln.text for ln in lines if not ln.raw.startswith('qemu-system-')]


# ---- self-tests --------------------------------------------------------------

@pytest.mark.parametrize('suite', list(SUITES))
@pytest.mark.parametrize('el', [1, 2], ids=lambda el: f'el{el}')
@pytest.mark.parametrize('gic', [2, 3], ids=lambda gic: f'gic{gic}')
def test_selftests(console, qemu_cmd, kunit_image, gic, el, suite):
    """One KTAP suite: its plan, every case ok, the suite ok, power off."""
    # Instruction-driven guest time, as in test_kunit.py: load on the host
    # must not change what the timer suite sees.
    con = boot(console, qemu_cmd, kunit_image,
               f'{APPEND} kunit.filter_glob={suite}',
               gic=gic, virtualization=(el == 2), extra=['-icount', 'shift=4,sleep=off'])
    out = texts(con.read_until_exit())
    assert con.exitstatus == 0
    assert f'CPU: All CPU(s) started at EL{el}' in out
    i = out.index(f'    # Subtest: {suite}')
    assert out[i + 1] == f'    1..{SUITES[suite]}'
    oks = [t for t in out if re.fullmatch(r'    ok \d+ \w+', t)]
    assert len(oks) == SUITES[suite], '\n'.join(out)
    assert f'# {suite}: pass:{SUITES[suite]} fail:0 skip:0 total:{SUITES[suite]}' in out
    assert 'ok 1 ' + suite in out


# ---- boot log lines ----------------------------------------------------------

def gic_node(dtb):
    dts = dtb.to_dts()
    m = re.search(r'\n\t(intc@[0-9a-f]+) \{', dts)
    assert m, 'no interrupt controller in the QEMU DTB'
    return '/' + m.group(1)


@pytest.mark.parametrize('gic', [2, 3], ids=lambda gic: f'gic{gic}')
def test_gic_and_timer_lines(console, qemu_cmd, kernel_image, virt_dtb, gic):
    dtb = virt_dtb(gic=gic)
    node = gic_node(dtb)
    reg = [int(c, 16) for c in dtb.get(node, 'reg', 'x').split()]
    con = boot(console, qemu_cmd, kernel_image, APPEND, gic=gic)
    out = texts(con.read_until_exit())
    assert con.exitstatus == 0

    spis = [re.fullmatch(rf'GICv{gic}: (\d+) SPIs implemented', t) for t in out]
    spis = [m for m in spis if m]
    assert len(spis) == 1, '\n'.join(out)
    n = int(spis[0].group(1))
    assert n % 32 == 0 and 32 <= n <= 988
    # Every SPI the device tree hands out must exist.
    used = [int(m.group(1), 16) for m in
            re.finditer(r'interrupts = <0x00 (0x[0-9a-f]+) ', dtb.to_dts())]
    assert used and max(used) < n
    if gic == 3:
        rdist = (reg[4] << 32) | reg[5]      # reg[1]: the first GICR region
        assert (f'GICv3: CPU0: found redistributor 0 region 0:0x{rdist:016x}'
                in out), '\n'.join(out)
    else:
        assert not [t for t in out if 'redistributor' in t]
    # QEMU's generic timer ticks every 16 ns (QEMU_TIMER_FREQ: 62.5 MHz).
    assert 'arch_timer: cp15 timer(s) running at 62.50MHz (virt).' in out


# ---- deliberate faults -------------------------------------------------------

def nm_symbols(vmlinux):
    """name -> (address, size) of vmlinux's functions, from nm."""
    nm = os.environ.get('NM') or 'aarch64-linux-gnu-nm'
    out = subprocess.run([nm, '-S', vmlinux], check=True, capture_output=True,
                         text=True).stdout
    syms = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[2] in 'tT':
            syms[parts[3]] = (int(parts[0], 16), int(parts[1], 16))
    return syms


def crash(console, qemu_cmd, kernel_image, kind, **machine):
    """Boot with test.crash=kind, oops patterns allowed; the lines and
    QEMU's exit status (the poweroff bootarg powers off after panic)."""
    con = boot(console, qemu_cmd, kernel_image, f'{APPEND} test.crash={kind}',
               **machine)
    with console.disable_check('internal_error'), \
            console.disable_check('unable_to_handle'), \
            console.disable_check('panic'):
        out = texts(con.read_until_exit())
    return out, con.exitstatus


def after(out, header):
    i = out.index(header)
    return out[i + 1:]


def check_symbol(text, label, func, syms):
    """`label: func+0xoff/0xsize` with off inside func, by vmlinux's nm."""
    m = re.fullmatch(rf'{label}: ' + SYM_RE, text)
    assert m, f'not a symbolised {label!r} line: {text!r}'
    assert m.group(1) == func, f'{label.strip()} names {m.group(1)}, not {func}'
    off, size = int(m.group(2), 16), int(m.group(3), 16)
    addr, nm_size = syms[func]
    assert off < nm_size <= size, (text, hex(nm_size))


def check_registers(out):
    """x29 down to x0, three to a line, as v5.15's __show_regs."""
    i = next(k for k, t in enumerate(out) if t.startswith('x29: '))
    regs = out[i:i + 10]
    for k, text in enumerate(regs):
        n = [29 - 3 * k - j for j in range(3)]
        assert re.fullmatch(' '.join(rf'x{r:<2}: [0-9a-f]{{16}}' for r in n), text), text
    return i + 10


def check_trace(out, funcs):
    """`Call trace:` lists funcs first, in order, each symbolised."""
    frames = []
    for text in after(out, 'Call trace:'):
        m = re.fullmatch(' ' + SYM_RE, text) or re.fullmatch(r' (0x[0-9a-f]+)', text)
        if not m:
            break
        frames.append(m.group(1))
    assert frames[:len(funcs)] == funcs, f'Call trace: {frames}'
    assert frames[-1] == '__primary_switched', f'Call trace: {frames}'


def check_oops(out, status, *, msg, addr, esr_check, title, pc, lr=None, trace):
    esr_lines = [re.fullmatch(r'  ESR = 0x([0-9a-f]{16})', t) for t in out]
    line = f'Unable to handle kernel {msg} at virtual address {addr:016x}'
    assert line in out, '\n'.join(out)
    info = after(out, line)
    assert info[0] == 'Mem abort info:'
    esr = int(next(m for m in esr_lines if m).group(1), 16)
    ec = esr >> 26 & 0x3f
    assert info[2] == (f'  EC = 0x{ec:02x}: '
                       f'{"DABT" if ec == 0x25 else "IABT"} (current EL), IL = '
                       f'{32 if esr & (1 << 25) else 16} bits')
    assert info[3] == f'  SET = {esr >> 11 & 3}, FnV = {esr >> 10 & 1}'
    assert info[4] == f'  EA = {esr >> 9 & 1}, S1PTW = {esr >> 7 & 1}'
    m = re.fullmatch(r'  FSC = 0x([0-9a-f]{2}): (.+)', info[5])
    assert m and int(m.group(1), 16) == esr & 0x3f
    esr_check(esr, m.group(2))
    if ec == 0x25:
        assert info[6:9] == ['Data abort info:',
                             f'  ISV = 0, ISS = 0x{esr & 0x1ffffff:08x}',
                             f'  CM = {esr >> 8 & 1}, WnR = {esr >> 6 & 1}']
    else:
        assert 'Data abort info:' not in out
    finish_oops(out, status, title=title, esr=esr, pc=pc, lr=lr, trace=trace)
    return esr


def finish_oops(out, status, *, title, esr, pc, lr, trace):
    head = f'Internal error: {title}: {esr:016x} [#1] SMP'
    assert head in out, '\n'.join(out)
    rest = after(out, head)
    assert rest[0] == 'Modules linked in:'
    assert re.fullmatch(r'CPU: 0 PID: 0 Comm: swapper/0 (Not tainted|Tainted: .+) \S+ #\d+',
                        rest[1]), rest[1]
    assert rest[2] == 'Hardware name: linux,dummy-virt (DT)'
    assert re.fullmatch(r'pstate: [0-9a-f]{8} \([nN][zZ][cC][vV] [dD][aA][iI][fF] '
                        r'[-+]PAN [-+]UAO [-+]TCO [-+]DIT [-+]SSBS BTYPE=..\)', rest[3])
    syms = pc[1]
    if pc[0] is None:
        assert rest[4] == 'pc : 0x0'
    else:
        check_symbol(rest[4], 'pc ', pc[0], syms)
    if lr:
        check_symbol(rest[5], 'lr ', lr, syms)
    assert re.fullmatch(r'sp : [0-9a-f]{16}', rest[6])
    check_registers(rest)
    check_trace(rest, trace)
    why = f'{title}: Fatal exception'
    assert f'Kernel panic - not syncing: {why}' in out
    # QEMU's -kernel DTB has a kaslr-seed: the symbols above were found at
    # a random offset, which the footer gives (2 MiB multiple, Image at
    # RAM + 2 MiB), as Linux prints it
    offset = [re.fullmatch(r'Kernel Offset: 0x([0-9a-f]+) from 0xffff800008000000', t)
              for t in out]
    offset = [int(m.group(1), 16) for m in offset if m]
    assert len(offset) == 1 and offset[0] % (2 << 20) == 0 and offset[0] >= 1 << 45, \
        '\n'.join(out)
    assert out[-2:] == [f'---[ end Kernel panic - not syncing: {why} ]---',
                        'reboot: Power down']
    assert status == 0


def test_oops_null_write(console, qemu_cmd, kernel_image, vmlinux):
    out, status = crash(console, qemu_cmd, kernel_image, 'null')

    def esr_check(esr, fsc):
        assert esr >> 26 == 0x25 and esr & (1 << 6)          # DABT, write
        assert re.fullmatch(r'level [0-3] translation fault', fsc)
    check_oops(out, status, msg='NULL pointer dereference', addr=0,
               esr_check=esr_check, title='Oops',
               pc=('crash_test_null', nm_symbols(vmlinux)),
               trace=['crash_test_null', 'crash_test_run', 'start_kernel'])
    assert '[0000000000000000] user address but active_mm is swapper' in out


def test_oops_paging_request(console, qemu_cmd, kernel_image, vmlinux):
    out, status = crash(console, qemu_cmd, kernel_image, 'paging')
    modules_vaddr = 0xffff800000000000

    def esr_check(esr, fsc):
        assert esr >> 26 == 0x25 and not esr & (1 << 6)      # DABT, read
        assert re.fullmatch(r'level [0-3] translation fault', fsc)
    check_oops(out, status, msg='paging request', addr=modules_vaddr + 0x1230,
               esr_check=esr_check, title='Oops',
               pc=('crash_test_paging', nm_symbols(vmlinux)),
               trace=['crash_test_paging', 'crash_test_run', 'start_kernel'])
    assert any(re.fullmatch(r'swapper pgtable: 4k pages, 48-bit VAs, pgdp=[0-9a-f]{16}', t)
               for t in out)


def test_oops_write_to_read_only(console, qemu_cmd, kernel_image, vmlinux):
    out, status = crash(console, qemu_cmd, kernel_image, 'rodata')
    modules_end = 0xffff800000000000 + (128 << 20)

    def esr_check(esr, fsc):
        assert esr & 0x3f == 0x0f and fsc == 'level 3 permission fault'
        assert esr & (1 << 6)
    check_oops(out, status, msg='write to read-only memory',
               addr=modules_end - 2 * 4096 + 8, esr_check=esr_check, title='Oops',
               pc=('crash_test_rodata', nm_symbols(vmlinux)),
               trace=['crash_test_rodata', 'crash_test_run', 'start_kernel'])


def test_oops_exec_null(console, qemu_cmd, kernel_image, vmlinux):
    """A call through a NULL function pointer: an instruction abort at 0,
    pc 0x0, and lr pointing back into the caller."""
    out, status = crash(console, qemu_cmd, kernel_image, 'exec')

    def esr_check(esr, fsc):
        assert esr >> 26 == 0x21                             # IABT
        assert re.fullmatch(r'level [0-3] translation fault', fsc)
    check_oops(out, status, msg='NULL pointer dereference', addr=0,
               esr_check=esr_check, title='Oops',
               pc=(None, nm_symbols(vmlinux)), lr='crash_test_exec',
               trace=['0x0', 'crash_test_run', 'start_kernel'])


def test_oops_undefined_instruction(console, qemu_cmd, kernel_image, vmlinux):
    out, status = crash(console, qemu_cmd, kernel_image, 'undef')
    assert not [t for t in out if t.startswith('Unable to handle kernel')]
    # UDF #0: EC 0 (unknown), IL set: 0x02000000.
    finish_oops(out, status, title='Oops - Undefined instruction', esr=0x02000000,
                pc=('crash_test_undef', nm_symbols(vmlinux)), lr=None,
                trace=['crash_test_undef', 'crash_test_run', 'start_kernel'])
    code = [t for t in out if t.startswith('Code: ')]
    assert code and code[0].endswith('(00000000) '), code


def source_line(func, needle):
    """The line number of `needle` inside func's body in crash_test.c."""
    with open(CRASH_TEST_C) as f:
        lines = f.read().split('\n')
    start = next(i for i, t in enumerate(lines) if re.match(rf'static .*\b{func}\(', t))
    return next(i for i in range(start, len(lines)) if needle in lines[i]) + 1


def test_bug(console, qemu_cmd, kernel_image, vmlinux):
    out, status = crash(console, qemu_cmd, kernel_image, 'bug')
    line = source_line('crash_test_bug', 'BUG();')
    i = out.index(f'kernel BUG at arch/arm64/kernel/crash_test.c:{line}!')
    assert out[i - 1] == '------------[ cut here ]------------'
    finish_oops(out, status, title='Oops - BUG', esr=0xf2000800,
                pc=('crash_test_bug', nm_symbols(vmlinux)), lr=None,
                trace=['crash_test_bug', 'crash_test_run', 'start_kernel'])


def test_warn_continues(console, qemu_cmd, kernel_image, vmlinux):
    out, status = crash(console, qemu_cmd, kernel_image, 'warn')
    line = source_line('crash_test_warn', 'WARN_ON(1)')
    syms = nm_symbols(vmlinux)
    warn = [t for t in out if t.startswith('WARNING: CPU: 0 PID: 0 at ')]
    assert len(warn) == 1, '\n'.join(out)
    m = re.fullmatch(rf'WARNING: CPU: 0 PID: 0 at arch/arm64/kernel/crash_test.c:{line} '
                     + SYM_RE, warn[0])
    assert m and m.group(1) == 'crash_test_warn', warn[0]
    rest = after(out, warn[0])
    assert rest[0] == 'Modules linked in:'
    assert 'Tainted: G        W' in rest[1]
    check_symbol(rest[4], 'pc ', 'crash_test_warn', syms)
    check_trace(rest, ['crash_test_warn', 'crash_test_run', 'start_kernel'])
    assert '---[ end trace 0000000000000000 ]---' in rest
    # ... and the kernel carried on to the end of the boot: only the end of
    # boot's own lines (free_initmem, mark_rodata_ro) come in between.
    tail = out[out.index('crash_test: still running after WARN_ON') + 1:]
    assert tail[-2:] == ['headstart: boot complete, CPU0 idle', 'reboot: Power down'], tail
    assert [t.split(':')[0] for t in tail[:-2]] == [
        'Freeing unused kernel memory', 'Write protecting the kernel read-only data',
        'Checked W+X mappings'], tail
    assert not [t for t in out if 'Internal error' in t or 'Kernel panic' in t]
    assert status == 0
