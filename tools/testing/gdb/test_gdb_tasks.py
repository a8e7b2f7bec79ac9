# SPDX-License-Identifier: GPL-2.0
"""The gdb helpers a Linux developer looks for first, on a kernel running
its initramfs (init and the shell), through QEMU's gdbstub:

  hs phys-symbols ADDR   refused where there is no Image of this vmlinux
  bt                     ends at the first frame of the stack
                         (__primary_switched, ret_from_fork, el0t_64_sync)
                         with no "Backtrace stopped" line
  hs current, $current   the running task
  hs ps                  pid, state, CPU, command of every task
  hs list, $container_of walking struct list_head
  hs pa / hs va          linear-map addresses (mm->pgd), not only the image
  hs vtop EXPRESSION     any expression, spaces included

  hbreak start_kernel    right after `hs phys-symbols` (what make qemu-gdb
                         does): hit, the symbols switching by themselves

One gdb -batch run per test fixture; each step is marked "@@name".
"""

import os
import re
import subprocess
import time

import pytest

from qemu_console import QemuConsole, qemu_command
from test_gdb import Session, _free_port, _listening, kaslr_offset, system_map

APPEND = 'console=ttyAMA0'


def _try(cmd):
    """A gdb command whose error must not end the -batch script."""
    return (f'python\ntry:\n    gdb.execute({cmd!r})\nexcept gdb.error as e:\n'
            f'    print("ERROR:", e)\nend\n')


# The start of every session: gdb on QEMU's gdbstub with scripts/gdb, then
# (TO_VIRTUAL) the symbols where the kernel runs once the MMU is on.
CONNECT = '''set pagination off
set confirm off
source {srctree}/scripts/gdb/vmlinux-gdb.py
target remote :{port}
'''
TO_VIRTUAL = CONNECT + '''hs phys-symbols 0x40200000
hs mmu-on
'''


SCRIPT = CONNECT + '''echo @@phys-bad\\n
''' + _try('hs phys-symbols 0x40400000') + '''echo @@phys\\n
hs phys-symbols 0x40200000
hs mmu-on
echo @@bt-boot\\n
bt
break kernel_init
continue
echo @@bt-thread\\n
bt
echo @@current\\n
hs current
print $current->pid
print $current->comm
delete
break kernel_wait4
continue
echo @@bt-syscall\\n
bt
echo @@ps\\n
hs ps
echo @@list\\n
hs list task_list 'struct task_struct' tasks pid
echo @@container\\n
print $container_of(task_list.next, "struct task_struct", "tasks")->pid
echo @@pa-lm\\n
hs pa $current->mm->pgd
echo @@vtop-expr\\n
hs vtop $current->mm->pgd
echo @@vtop-spaces\\n
hs vtop (unsigned long) $current->mm->pgd + 0x10
echo @@va-lm\\n
hs va (unsigned long)$current->mm->pgd - 0xffff000000000000 + memstart_addr
echo @@end\\n
kill
'''


def _run(env, name, script, initrd=True, append=APPEND, smp=None, machine=None):
    """QEMU stopped at reset (with `smp` CPUs), gdb -batch running `script`
    against it; the Session. initrd: True for usr/initramfs.cpio, or the
    build directory's path of another one. machine: the QEMU command
    (without -S -gdb) of another machine than virt, built by the caller."""
    os.makedirs(env.tmp_dir, exist_ok=True)
    port = _free_port()
    path = os.path.join(env.tmp_dir, f'{name}.gdb')
    with open(path, 'w') as f:
        f.write(script.replace('{srctree}', env.srctree).replace('{port}', str(port)))
    if initrd is True:
        initrd = 'usr/initramfs.cpio'
    extra = ['-initrd', env.file(initrd)] if initrd else []
    con = QemuConsole(os.path.join(env.tmp_dir, f'{name}-console.log'), timeout=60,
                      title=f'tools/testing/gdb {name}')
    argv = machine or qemu_command(qemu=env.qemu, kernel=env.file('arch/arm64/boot/Image'),
                                   append=append, smp=smp, extra=extra)
    con.start(argv + ['-S', '-gdb', f'tcp:127.0.0.1:{port}'])
    try:
        deadline = time.monotonic() + 10
        while not _listening(port):
            assert time.monotonic() < deadline, 'QEMU\'s gdbstub is not listening'
            time.sleep(0.05)
        res = subprocess.run([env.gdb, '-batch', '-nx', '-x', path, env.file('vmlinux')],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             timeout=180, cwd=env.build_dir)
        with open(os.path.join(env.tmp_dir, f'{name}-output.txt'), 'w') as f:
            f.write(res.stdout)
        return Session(res.stdout)
    finally:
        con.kill()


@pytest.fixture(scope='module')
def tasks_session(env):
    return _run(env, 'tasks', SCRIPT)


DAY_ONE = CONNECT + '''hs phys-symbols
echo @@hbreak\\n
hbreak start_kernel
continue
info registers pc
echo @@end\\n
kill
'''


def test_hbreak_start_kernel_from_the_start(env):
    """What make qemu-gdb gives (physical symbols), then at once `hbreak
    start_kernel`: set at the physical address, it still stops in
    start_kernel at its virtual address, because the symbols switch by
    themselves when the MMU comes on (no `hs mmu-on`)."""
    out = _run(env, 'day-one', DAY_ONE, initrd=False)['hbreak']
    # KASLR is on (QEMU's DTB has a seed): the switch happens on the last
    # jump of __primary_switch, to wherever the kernel was moved
    off = kaslr_offset(out)
    va = system_map(env.file('System.map'))['start_kernel'] + off
    assert re.search(r'Breakpoint \d+, start_kernel \(\) at \S*init/main\.c:\d+', out), out
    assert re.search(rf'^pc +{va:#x} +{va:#x} <start_kernel>$', out, re.M), out


def test_hbreak_start_kernel_without_kaslr(env):
    """The same with nokaslr: __primary_switched runs once, from
    __primary_switch's `blr x8` (the `br x8` after KASLR's move never runs),
    and the symbols switch there, to the link addresses."""
    out = _run(env, 'day-one-nokaslr', DAY_ONE, initrd=False,
               append='console=ttyAMA0 nokaslr')['hbreak']
    va = system_map(env.file('System.map'))['start_kernel']
    assert re.search(r'Breakpoint \d+, start_kernel \(\) at \S*init/main\.c:\d+', out), out
    assert re.search(rf'^pc +{va:#x} +{va:#x} <start_kernel>$', out, re.M), out


MMU_ON_NOKASLR = CONNECT + '''hs phys-symbols 0x40200000
echo @@mmu-on\\n
hs mmu-on
info registers pc
echo @@end\\n
kill
'''


def test_mmu_on_without_kaslr(env):
    """`hs mmu-on` with no KASLR offset ends at start_kernel, where the
    image stayed (it used to wait for ever on the `br x8` that never runs)."""
    out = _run(env, 'mmu-on-nokaslr', MMU_ON_NOKASLR, initrd=False,
               append='console=ttyAMA0 nokaslr')['mmu-on']
    va = system_map(env.file('System.map'))['start_kernel']
    assert 'no KASLR offset: the image stayed where __primary_switched first ran' in out, out
    assert re.search(rf'^pc +{va:#x} +{va:#x} <start_kernel>$', out, re.M), out


PRINTK = TO_VIRTUAL + '''break vsnprintf
continue
echo @@bt-printk\\n
bt
echo @@end\\n
kill
'''


def test_bt_through_printk(env):
    """bt from the first printk's vsnprintf goes through vprintk, whose
    va_list argument gdb cannot read (a reference through a register the
    frame does not have), down to __primary_switched: the frame filter
    prints it as "<error: ...>" instead of ending bt with a Python
    exception."""
    session = _run(env, 'bt-printk', PRINTK, initrd=False)
    out = session['bt-printk']
    frames = [ln for ln in out.split('\n') if re.match(r'#\d+ ', ln)]
    assert frames and re.search(r'\bvsnprintf \(', frames[0]), out
    assert any(re.search(r'\bvprintk \(', ln) for ln in frames), out
    assert re.search(r'\b__primary_switched \(', frames[-1]), out
    assert 'Python Exception' not in session.output, out


def test_phys_symbols_checks_header(tasks_session):
    out = tasks_session['phys-bad']
    assert 'ERROR: no Image of this vmlinux at 0x40400000' in out, out
    assert 'vmlinux symbols at physical addresses' not in out
    assert 'vmlinux symbols at physical addresses: _text = 0x40200000' in \
        tasks_session['phys']


@pytest.mark.parametrize('step, last', [('bt-boot', '__primary_switched'),
                                        ('bt-thread', 'ret_from_fork'),
                                        ('bt-syscall', 'el0t_64_sync')])
def test_bt_ends_cleanly(tasks_session, step, last):
    out = tasks_session[step]
    frames = [ln for ln in out.split('\n') if re.match(r'#\d+ ', ln)]
    assert frames and re.search(rf'\b{last} \(', frames[-1]), out
    assert 'Backtrace stopped' not in tasks_session.output
    assert 'Python Exception' not in tasks_session.output


def test_current(tasks_session):
    out = tasks_session['current']
    assert re.search(r'^0xffff[0-9a-f]{12} pid 1 init$', out, re.M), out
    assert re.search(r'^\$\d+ = 1$', out, re.M), out
    assert re.search(r'^\$\d+ = "init", ', out, re.M), out


FROM_EL0 = TO_VIRTUAL + '''break *((char *)vectors + 0x480)
continue
echo @@current\\n
hs current
echo @@end\\n
kill
'''


def test_current_in_a_vector_from_el0(env):
    """An interrupt of user code (init, or the /bin/spin it starts: the
    first interrupt taken at EL0), stopped on the vector's first
    instruction: SP_EL0 is still the user's stack pointer there, and
    current comes from this CPU's __entry_task (it used to be none)."""
    out = _run(env, 'current-el0', FROM_EL0, append='console=ttyAMA0 -- /bin/spin 30')['current']
    assert re.search(r'^0xffff[0-9a-f]{12} pid [1-9]\d* (init|spin)$', out, re.M), out


USER_ON_OTHER_CPU = TO_VIRTUAL + '''break arch_timer_handler_virt
python
import headstart.target as t
for _ in range(200):
    gdb.execute('continue', to_string=True)
    at_el0 = [th.num for th in gdb.selected_inferior().threads()
              if (th.switch() or True) and (t.reg('cpsr') >> 2) & 3 == 0]
    if at_el0:
        print('at EL0: thread', at_el0[0])
        break
end
echo @@ps\\n
hs ps
echo @@end\\n
kill
'''


def test_ps_with_a_cpu_at_el0(env):
    """-smp 2, /bin/spin at EL0 on one CPU while the other takes a timer
    interrupt: hs ps shows spin (or init, before it starts spin) on the CPU at EL0 (gdb cannot read kernel
    memory through that CPU: its __entry_task is read through the other)."""
    session = _run(env, 'ps-el0', USER_ON_OTHER_CPU, smp=2,
                   append='console=ttyAMA0 -- /bin/spin 30')
    m = re.search(r'^at EL0: thread (\d+)$', session.output, re.M)
    assert m, session.output
    rows = [ln.split() for ln in session['ps'].split('\n') if ln.startswith('0x')]
    # spin, or init before it started spin
    assert any(r[4] in ('spin', 'init') and r[3] == str(int(m.group(1)) - 1) for r in rows), \
        session['ps']


def test_ps(tasks_session):
    out = tasks_session['ps'].split('\n')
    assert out[0].split() == ['TASK', 'PID', 'ST', 'CPU', 'COMMAND'], out
    rows = [ln.split() for ln in out[1:] if ln.startswith('0x')]
    by_pid = {int(r[1]): r for r in rows}
    assert by_pid[0][2:] == ['R', '-', 'swapper/0'], out
    assert by_pid[1][2:] == ['R', '0', 'init'], out     # in wait4, on CPU 0
    assert all(r[2] in 'RSDZX' for r in rows)


SMP_SCRIPT = TO_VIRTUAL + '''break kernel_wait4
continue
echo @@threads\\n
info threads
echo @@ps\\n
hs ps
echo @@end\\n
kill
'''


def test_ps_on_two_cpus(env):
    """-smp 2: gdb sees a thread per CPU, and `hs ps` says which task each
    CPU runs: exactly one task on CPU 0 and one on CPU 1 (init in wait4 on
    one of them, an idle task or another on the other)."""
    session = _run(env, 'tasks-smp', SMP_SCRIPT, smp=2)
    threads = re.findall(r'^[* ] +(\d+) +Thread ', session['threads'], re.M)
    assert threads == ['1', '2'], session['threads']
    out = session['ps'].split('\n')
    rows = [ln.split() for ln in out[1:] if ln.startswith('0x')]
    cpus = sorted(r[3] for r in rows if r[3] != '-')
    assert cpus == ['0', '1'], out
    init = next(r for r in rows if r[1] == '1')
    assert init[2:] == ['R', init[3], 'init'] and init[3] in '01', out


def test_list_and_container_of(tasks_session):
    out = tasks_session['list']
    entries = re.findall(r'^\[(\d+)\] \(struct task_struct \*\) (0x[0-9a-f]+) (\d+)$', out, re.M)
    assert entries and entries[0][2] == '1', out
    assert re.search(rf'^{len(entries)} entries$', out, re.M)
    assert re.search(r'^\$\d+ = 1$', tasks_session['container'], re.M)


def test_linear_map_pa_va_vtop(tasks_session):
    m = re.search(r'VA (0xffff0000[0-9a-f]{8}) -> PA (0x[0-9a-f]+) \(linear map: '
                  r'PAGE_OFFSET 0xffff000000000000, memstart_addr (0x[0-9a-f]+)\)',
                  tasks_session['pa-lm'])
    assert m, tasks_session['pa-lm']
    va, pa, memstart = (int(g, 16) for g in m.groups())
    assert pa == va - 0xffff000000000000 + memstart
    assert tasks_session['vtop-expr'].rstrip().endswith(f'PA {pa:#x}'), \
        tasks_session['vtop-expr']
    assert tasks_session['vtop-spaces'].rstrip().endswith(f'PA {pa + 0x10:#x}'), \
        tasks_session['vtop-spaces']
    assert f'PA {pa:#x} -> VA {va:#018x} (linear map' in tasks_session['va-lm'], \
        tasks_session['va-lm']
