# SPDX-License-Identifier: GPL-2.0
"""gdb on the kernel before and after the MMU, through QEMU's gdbstub.

One QEMU (-S: stopped at its reset vector; -gdb tcp::PORT) and one
`gdb-multiarch -batch` run of a script that does what
Documentation/dev-tools/gdb.rst shows a newcomer:

  hs phys-symbols          vmlinux symbols at the Image's physical address
  break primary_entry      hit at the physical address, at head.S's line
  step                     from `bl __create_page_tables` into it, by source
  next, stepi              source line and instruction stepping, MMU off
  hs virt-symbols, hbreak start_kernel     the virtual symbol, MMU on
  hs pa / hs va            kimage_voffset conversions
  hs vtop                  page-table walks through TTBR1 and TTBR0
  hs dmesg                 the log buffer, at kernel_power_off

That session boots with `nokaslr`: `hs virt-symbols` before the MMU is on
cannot know where KASLR will put the kernel. A second session boots with
KASLR on (QEMU's DTB carries a kaslr-seed): `hs mmu-on` follows the kernel
to its random address and loads the symbols there, and breakpoints, `hs
pa`, `hs vtop` and `hs dmesg` work at it.

The script marks each step with "@@name" so every test below checks what
gdb printed for its own step. Expected addresses come from System.map and
from where QEMU's -kernel loader puts an Image with text_offset 0: RAM base
+ 2 MiB, 0x40200000 (QEMU hw/arm/boot.c, as test_boot.py's IMAGE_LOW).
"""

import os
import re
import socket
import subprocess
import time

import pytest

from qemu_console import QemuConsole, qemu_command

IMAGE_PA = 0x40200000
APPEND = 'console=ttyAMA0 poweroff gdb.test=1 nokaslr'
APPEND_KASLR = 'console=ttyAMA0 poweroff gdb.test=1'
VIRT_AT_RE = re.compile(r'vmlinux symbols at virtual addresses: _text = (0x[0-9a-f]+) '
                        r'\(link address (0x[0-9a-f]+) \+ offset (0x[0-9a-f]+)\)')


def system_map(path):
    syms = {}
    with open(path) as f:
        for row in f:
            addr, _type, name = row.split()[:3]
            syms.setdefault(name, int(addr, 16))
    return syms


def _is_insn(text):
    """A head.S line holding an instruction (or a macro that expands to
    some): not blank, a comment, a directive, a SYM_* marker or a label."""
    s = text.strip()
    return bool(s) and not s.startswith(('/', '*', '#', '.', 'SYM_')) \
        and not s.endswith(':')


class HeadS:
    """Line numbers in head.S, found by content so edits do not break them."""

    def __init__(self, path):
        self.path = path
        with open(path) as f:
            self.lines = f.read().split('\n')

    def find(self, regex, start=0):
        rx = re.compile(regex)
        for i in range(start, len(self.lines)):
            if rx.search(self.lines[i]):
                return i + 1
        raise AssertionError(f'{self.path}: no line matching {regex!r}')

    def first_insn_after(self, line):
        for i in range(line, len(self.lines)):
            if _is_insn(self.lines[i]):
                return i + 1
        raise AssertionError(f'{self.path}: no instruction after line {line}')

    def text(self, line):
        return self.lines[line - 1]


def _listening(port):
    """True once something listens on TCP port (from /proc/net/tcp, so
    that QEMU's gdbstub sees no probing connection)."""
    for table in ('/proc/net/tcp', '/proc/net/tcp6'):
        try:
            with open(table) as f:
                rows = f.read().split('\n')[1:]
        except OSError:
            continue
        for row in rows:
            cols = row.split()
            if len(cols) > 3 and cols[3] == '0A' and int(cols[1].split(':')[1], 16) == port:
                return True
    return False


def _free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class Session:
    """The gdb run's output, step by step."""

    def __init__(self, output):
        self.output = output
        self.steps = {}
        name = None
        for line in output.split('\n'):
            if line.startswith('@@'):
                name = line[2:].strip()
                self.steps[name] = []
            elif name is not None:
                self.steps[name].append(line)

    def __getitem__(self, name):
        assert name in self.steps, (f'gdb never reached step {name!r}; its '
                                    f'output:\n{self.output}')
        return '\n'.join(self.steps[name])


@pytest.fixture(scope='module')
def syms(env):
    return system_map(env.file('System.map'))


@pytest.fixture(scope='module')
def head_s(env):
    return HeadS(os.path.join(env.srctree, 'arch', 'arm64', 'kernel', 'head.S'))


def pa(syms, name):
    return syms[name] - syms['_text'] + IMAGE_PA


@pytest.fixture(scope='module')
def session(env, syms, head_s):
    os.makedirs(env.tmp_dir, exist_ok=True)
    bl_line = head_s.find(r'^\s*bl\s+__create_page_tables\b',
                          head_s.find(r'SYM_CODE_START\(primary_entry\)'))
    script = f'''set pagination off
set confirm off
source {env.srctree}/scripts/gdb/vmlinux-gdb.py
target remote :{{port}}
echo @@phys\\n
hs phys-symbols
echo @@entry\\n
break primary_entry
continue
info registers pc
echo @@step\\n
break head.S:{bl_line}
continue
step
info registers pc
echo @@next\\n
next
info registers pc x0
echo @@stepi\\n
stepi
info registers pc x0
echo @@mmu\\n
delete
hs virt-symbols
hbreak start_kernel
continue
info registers pc
echo @@pa\\n
hs pa start_kernel
echo @@va\\n
hs va {pa(syms, 'start_kernel'):#x}
echo @@vtop1\\n
hs vtop start_kernel
echo @@vtop0\\n
hs vtop {pa(syms, '__enable_mmu'):#x}
echo @@vtop-fault\\n
hs vtop 0x1000
echo @@dmesg\\n
delete
hbreak kernel_power_off
continue
hs dmesg
echo @@vtop-late\\n
hs vtop kernel_power_off
echo @@vtop-init-freed\\n
hs vtop start_kernel
echo @@end\\n
continue
'''
    yield from run_gdb(env, script, 'session')


def run_gdb(env, script, name, append=APPEND):
    """Start QEMU stopped at reset with its gdbstub on a free port, run
    gdb -batch on `script` (its {port} filled in) against vmlinux, then
    let QEMU finish; yields the Session."""
    port = _free_port()
    script = script.replace('{port}', str(port))
    script_path = os.path.join(env.tmp_dir, f'{name}.gdb')
    with open(script_path, 'w') as f:
        f.write(script)
    con = QemuConsole(os.path.join(env.tmp_dir, f'{name}-console.log'), timeout=60,
                      title=f'tools/testing/gdb {name}')
    con.start(qemu_command(qemu=env.qemu, kernel=env.file('arch/arm64/boot/Image'),
                           append=append,
                           extra=['-S', '-gdb', f'tcp:127.0.0.1:{port}']))
    try:
        deadline = time.monotonic() + 10
        while not _listening(port):
            assert time.monotonic() < deadline, 'QEMU\'s gdbstub is not listening'
            time.sleep(0.05)
        res = subprocess.run([env.gdb, '-batch', '-nx', '-x', script_path,
                              env.file('vmlinux')],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             text=True, timeout=180, cwd=env.build_dir)
        with open(os.path.join(env.tmp_dir, f'{name}-output.txt'), 'w') as f:
            f.write(res.stdout)
        s = Session(res.stdout)
        s.console_lines = [ln.text for ln in con.read_until_exit(timeout=30)]
        s.exitstatus = con.exitstatus
        yield s
    finally:
        con.kill()


def test_phys_symbols(session, syms):
    """The Image is found at QEMU's load address while the CPU is still at
    the reset vector, and every loaded section is placed by it."""
    out = session['phys']
    assert f'_text = {IMAGE_PA:#x} (link address {syms["_text"]:#x})' in out, out
    cmd = next(ln for ln in out.split('\n') if ln.startswith('add-symbol-file '))
    assert cmd.split()[2] == f'{pa(syms, "_stext"):#x}', cmd        # .text
    sections = dict(re.findall(r'-s (\S+) (0x[0-9a-f]+)', cmd))
    assert int(sections['.head.text'], 16) == IMAGE_PA
    assert int(sections['.init.text'], 16) == pa(syms, '_sinittext')
    assert int(sections['.rodata'], 16) == pa(syms, '__start_rodata')


def test_break_primary_entry_physical(session, syms, head_s):
    out = session['entry']
    where = pa(syms, 'primary_entry')
    line = head_s.first_insn_after(head_s.find(r'SYM_CODE_START\(primary_entry\)'))
    assert re.search(rf'Breakpoint 1 at {where:#x}: file \S*arch/arm64/kernel/head\.S, '
                     rf'line {line}\.', out), out
    assert re.search(rf'Breakpoint 1, primary_entry \(\) at \S*head\.S:{line}\n{line}\t',
                     out), out
    assert re.search(rf'^pc +{where:#x} +{where:#x} <primary_entry>$', out, re.M), out


def test_step_into_create_page_tables(session, syms, head_s):
    """`step` on `bl __create_page_tables` enters it at its first source
    line, at its physical address."""
    out = session['step']
    start = head_s.find(r'SYM_FUNC_START(_LOCAL)?\(__create_page_tables\)')
    first = head_s.first_insn_after(start)
    assert re.search(rf'__create_page_tables \(\) at \S*head\.S:{first}\n{first}\t', out), out
    where = pa(syms, '__create_page_tables')
    assert re.search(rf'^pc +{where:#x} +{where:#x} <__create_page_tables>$', out, re.M), out


def test_next_and_stepi_before_mmu(session, syms, head_s):
    """`next` goes to a later source line of __create_page_tables (the one
    gdb shows is head.S's own text), and `stepi` moves one instruction."""
    out = session['next']
    m = re.match(r'(\d+)\t(.*)', out)
    assert m, out
    line = int(m.group(1))
    start = head_s.find(r'SYM_FUNC_START(_LOCAL)?\(__create_page_tables\)')
    end = head_s.find(r'SYM_FUNC_END\(__create_page_tables\)', start)
    assert start < line < end, out
    assert m.group(2).strip() == head_s.text(line).strip()
    pcs = re.findall(r'^pc +(0x[0-9a-f]+) ', out + '\n' + session['stepi'], re.M)
    assert len(pcs) == 2, out
    assert int(pcs[1], 16) == int(pcs[0], 16) + 4
    low, high = pa(syms, '__create_page_tables'), pa(syms, '__create_page_tables') + 0x1000
    assert all(low <= int(p, 16) < high for p in pcs), pcs
    # stepping `adrp x0, idmap_pg_dir` ran it at the physical address: x0
    # is idmap_pg_dir's physical address
    if re.search(r'adrp\s+x0, idmap_pg_dir', head_s.text(line)):
        x0 = re.search(r'^x0 +(0x[0-9a-f]+) ', session['stepi'], re.M)
        assert x0 and int(x0.group(1), 16) == pa(syms, 'idmap_pg_dir'), session['stepi']


def test_start_kernel_virtual(session, syms):
    out = session['mmu']
    va = syms['start_kernel']
    assert re.search(rf'Hardware assisted breakpoint \d+ at {va:#x}: file', out), out
    assert re.search(r'Breakpoint \d+, start_kernel \(\) at \S*init/main\.c:\d+', out), out
    assert re.search(rf'^pc +{va:#x} +{va:#x} <start_kernel>$', out, re.M), out


def test_pa_va(session, syms):
    voffset = (syms['_text'] - IMAGE_PA) & (2**64 - 1)
    assert (f'VA {syms["start_kernel"]:#018x} -> PA {pa(syms, "start_kernel"):#x} '
            f'(kimage_voffset {voffset:#x}, kimage_voffset)') in session['pa']
    assert (f'PA {pa(syms, "start_kernel"):#x} -> VA {syms["start_kernel"]:#018x} '
            f'<start_kernel+0x0>') in session['va']


DESC_RE = re.compile(r'L(\d) \[ *(\d+)\] @ (0x[0-9a-f]+): (0x[0-9a-f]{16})  (.*)')


def _levels(out):
    return [DESC_RE.fullmatch(ln) for ln in out.split('\n') if ln.startswith('L')]


@pytest.mark.parametrize('step, sym', [('vtop1', 'start_kernel'),
                                       ('vtop-late', 'kernel_power_off')])
def test_vtop_ttbr1(session, syms, step, sym):
    """A kernel text VA through TTBR1: start_kernel at start_kernel
    (head.S's tables), and kernel_power_off at kernel_power_off (whatever
    tables the kernel uses by then; start_kernel is init text, unmapped by
    free_initmem): levels of the 4K/48-bit format from 0, each index the
    VA's own bits, each table the one the previous descriptor pointed at,
    ending at the symbol's physical address."""
    out = session[step]
    va = syms[sym]
    assert re.search(rf'VA {va:#018x}: TTBR1_EL1 = 0x[0-9a-f]+, 4K granule, 48-bit input '
                     r'\(T1SZ=16\), walk starts at level 0', out), out
    levels = _levels(out)
    assert levels and all(levels), out
    table = int(re.search(r'TTBR1_EL1 = (0x[0-9a-f]+)', out).group(1), 16) & ((1 << 48) - 2)
    for i, m in enumerate(levels):
        level, index, addr = int(m.group(1)), int(m.group(2)), int(m.group(3), 16)
        assert level == i
        assert index == (va >> (39 - 9 * level)) & 511
        assert addr == table + 8 * index
        desc = int(m.group(4), 16)
        table = desc & ((1 << 48) - 1) & ~0xfff
    assert levels[-1].group(5).startswith(('block 2M', 'page 4K')), out
    assert 'AF' in levels[-1].group(5).split()
    assert out.rstrip().endswith(f'PA {pa(syms, sym):#x}'), out


def test_vtop_init_text_freed(session):
    """At kernel_power_off, free_initmem has unmapped the init text:
    start_kernel's VA no longer translates."""
    out = session['vtop-init-freed']
    assert 'invalid: translation fault' in out and out.rstrip().endswith('no translation'), out


def test_vtop_ttbr0_idmap(session, syms):
    """At start_kernel TTBR0 still holds head.S's identity map: the PA of
    __enable_mmu translates to itself; 0x1000 is not mapped."""
    where = pa(syms, '__enable_mmu')
    out = session['vtop0']
    assert f'VA {where:#018x}: TTBR0_EL1 = ' in out, out
    assert out.rstrip().endswith(f'PA {where:#x}'), out
    fault = session['vtop-fault']
    assert 'invalid: translation fault' in fault and fault.rstrip().endswith('no translation'), fault


def test_dmesg(session):
    """The log buffer, read at kernel_power_off, holds the boot log the
    serial console showed, with the timestamps and without "<level>"."""
    out = session['dmesg']
    assert re.search(r'Breakpoint \d+, kernel_power_off \(\)', out), out
    log = out.split('\n')[out.split('\n').index(next(
        ln for ln in out.split('\n') if 'Booting headstart' in ln)):]
    log = [ln for ln in log if ln]
    assert re.fullmatch(r'\[ *\d+\.\d{6}\] Booting headstart on physical CPU 0x0000000000 '
                        r'\[0x[0-9a-f]{8}\]', log[0]), log[0]
    assert re.fullmatch(r'\[ *\d+\.\d{6}\] ' + re.escape(f'Kernel command line: {APPEND}'),
                        next(ln for ln in log if 'Kernel command line' in ln))
    assert log[-1].endswith('] headstart: boot complete, CPU0 idle'), log[-1]
    stamped = re.compile(r'\[ *\d+\.\d{6}\] (.*)')
    texts = [stamped.fullmatch(ln).group(1) for ln in log]
    assert all(t in session.console_lines for t in texts if 'console [' not in t), (
        [t for t in texts if t not in session.console_lines])


def test_runs_to_power_off(session):
    assert '[Inferior 1 (process 1) exited normally]' in session['end']
    assert 'reboot: Power down' in session.console_lines
    assert session.exitstatus == 0


@pytest.fixture(scope='module')
def session2(env):
    os.makedirs(env.tmp_dir, exist_ok=True)
    script = f"""set pagination off
set confirm off
source {env.srctree}/scripts/gdb/vmlinux-gdb.py
target remote :{{port}}
echo @@given\\n
hs phys-symbols {IMAGE_PA:#x}
info symbol {IMAGE_PA:#x}
echo @@mmu-on\\n
hs mmu-on
info registers pc
echo @@auto\\n
hs symbols
echo @@start\\n
break start_kernel
continue
info registers pc
echo @@pa\\n
hs pa start_kernel
echo @@dmesg\\n
delete
break kernel_power_off
continue
hs dmesg
echo @@vtop\\n
hs vtop kernel_power_off
echo @@end\\n
kill
"""
    yield from run_gdb(env, script, 'session2', append=APPEND_KASLR)


def kaslr_offset(out):
    """The offset `hs mmu-on` / `hs symbols` reported: a random 2 MiB
    multiple in kaslr_early_init's range (VA_BITS 48), the Image being 2 MiB
    aligned at IMAGE_PA."""
    m = VIRT_AT_RE.search(out)
    assert m, out
    text, link, off = (int(g, 16) for g in m.groups())
    assert text == link + off
    assert off % (2 << 20) == 0 and (1 << 45) <= off < (1 << 45) + (1 << 46), hex(off)
    return off


def test_phys_symbols_given_then_mmu_on(session2, syms, head_s):
    """With KASLR on: hs phys-symbols ADDR takes the address given; hs
    mmu-on runs to __primary_switched at the kernel's final, random,
    virtual address and loads the symbols there; hs symbols then finds the
    same offset (SCTLR_EL1.M says the MMU is on, VBAR_EL1 where)."""
    out = session2['given']
    assert f'_text = {IMAGE_PA:#x}' in out, out
    assert re.search(r'^(_head|_text) in section \.head\.text$', out, re.M), out
    out = session2['mmu-on']
    off = kaslr_offset(out)
    va = syms['__primary_switched'] + off
    line = head_s.first_insn_after(head_s.find(r'SYM_FUNC_START(_LOCAL)?\(__primary_switched\)'))
    assert re.search(rf'__primary_switched \(\) at \S*head\.S:{line}\n', out), out
    assert re.search(rf'^pc +{va:#x} +{va:#x} <__primary_switched>$', out, re.M), out
    assert kaslr_offset(session2['auto']) == off
    assert 'KASLR enabled' in session2.console_lines


def test_kaslr_breakpoint_pa_dmesg_vtop(session2, syms):
    """At the random address: a source breakpoint on start_kernel hits,
    hs pa gives its physical address through the kernel's own
    kimage_voffset, hs dmesg reads the log, and at kernel_power_off hs vtop
    walks kernel_power_off's random VA to its PA."""
    off = kaslr_offset(session2['mmu-on'])
    va = syms['start_kernel'] + off
    out = session2['start']
    assert re.search(r'Breakpoint \d+, start_kernel \(\) at \S*init/main\.c:\d+', out), out
    assert re.search(rf'^pc +{va:#x} +{va:#x} <start_kernel>$', out, re.M), out
    voffset = (va - pa(syms, 'start_kernel')) & (2**64 - 1)
    assert (f'VA {va:#018x} -> PA {pa(syms, "start_kernel"):#x} '
            f'(kimage_voffset {voffset:#x}, kimage_voffset)') in session2['pa']
    assert any(ln.endswith('] KASLR enabled') for ln in session2['dmesg'].split('\n')), \
        session2['dmesg']
    assert session2['vtop'].rstrip().endswith(f'PA {pa(syms, "kernel_power_off"):#x}'), \
        session2['vtop']


def test_nokaslr_session_says_so(session):
    assert 'KASLR disabled on command line' in session.console_lines


def test_after_uboot_booti_moved(env, syms, head_s):
    """Documentation/dev-tools/gdb.rst, "After U-Boot": a hardware
    breakpoint where booti moved an unaligned Image (0x40480000 ->
    0x40600000) stops at its first instruction, hs phys-symbols finds the
    Image at the PC, and source breakpoints then work at the new place."""
    import sys
    sys.path.insert(0, os.path.join(env.srctree, 'tools', 'testing', 'uboot'))
    from uboot import UBOOT_BIN, UBoot
    os.makedirs(env.tmp_dir, exist_ok=True)
    load, moved = 0x40480000, 0x40600000
    port = _free_port()
    script_path = os.path.join(env.tmp_dir, 'uboot.gdb')
    with open(script_path, 'w') as f:
        f.write(f'''set pagination off
set confirm off
source {env.srctree}/scripts/gdb/vmlinux-gdb.py
target remote :{port}
hbreak *{moved:#x}
continue
echo @@entry\\n
hs phys-symbols
info registers pc
echo @@cpt\\n
delete
break __create_page_tables
continue
echo @@end\\n
kill
''')
    con = QemuConsole(os.path.join(env.tmp_dir, 'uboot-console.log'), timeout=60,
                      title='tools/testing/gdb after U-Boot')
    con.start(qemu_command(qemu=env.qemu, bios=UBOOT_BIN,
                           loaders=[(env.file('arch/arm64/boot/Image'), load)],
                           extra=['-S', '-gdb', f'tcp:127.0.0.1:{port}']))
    try:
        deadline = time.monotonic() + 10
        while not _listening(port):
            assert time.monotonic() < deadline, 'QEMU\'s gdbstub is not listening'
            time.sleep(0.05)
        gdb = subprocess.Popen([env.gdb, '-batch', '-nx', '-x', script_path,
                                env.file('vmlinux')], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, cwd=env.build_dir)
        try:
            ub = UBoot(con)
            ub.stop_autoboot()
            ub.boot(f'booti {load:#x} - ${{fdtcontroladdr}}')
            con.expect(f'Moving Image from {load:#x} to {moved:#x}, '
                       f'end={moved + syms["_end"] - syms["_text"]:x}')
            out, _ = gdb.communicate(timeout=120)
        finally:
            if gdb.poll() is None:
                gdb.kill()
                gdb.wait()
        with open(os.path.join(env.tmp_dir, 'uboot-output.txt'), 'w') as f:
            f.write(out)
    finally:
        con.kill()
    s = Session(out)
    assert f'_text = {moved:#x} (link address' in s['entry'], out
    assert re.search(rf'^pc +{moved:#x} +{moved:#x} <_(head|text)>$', s['entry'], re.M), out
    where = syms['__create_page_tables'] - syms['_text'] + moved
    first = head_s.first_insn_after(head_s.find(r'SYM_FUNC_START(_LOCAL)?\(__create_page_tables\)'))
    assert re.search(rf'Breakpoint \d+ at {where:#x}: file \S*head\.S, line {first}\.', s['cpt']), out
    assert re.search(rf'Breakpoint \d+, __create_page_tables \(\)\s+at \S*head\.S:{first}\n', s['cpt']), out
