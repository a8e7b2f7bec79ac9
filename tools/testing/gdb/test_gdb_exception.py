# SPDX-License-Identifier: GPL-2.0
"""`bt` through an exception taken from EL1: the backtrace goes on past
the el1h_64_* vector frame to the code the exception interrupted (read
from the pt_regs kernel_entry saved), as Linux's unwinder does, with no
"Backtrace stopped: previous frame identical" line.

  die          test.crash=undef: an undefined instruction in
               crash_test_undef, stopped in the oops path
  IRQ          a breakpoint in el1h_64_irq_handler: whatever kernel code
               the interrupt hit (regs->pc says which)
  IRQ stack    a breakpoint in the timer's handler, which runs on the
               CPU's IRQ stack: bt crosses to the task's stack through
               call_on_irq_stack's frame record and ends at the first frame

Two gdb -batch runs, each step marked "@@name". They are separate boots:
test.crash= runs right after interrupts are enabled, so in one boot the
oops could come before the first interrupt and the IRQ breakpoint would
never be hit. The IRQ run boots to the shell, where the timer tick keeps
interrupting the idle loop.
"""

import re

import pytest

from test_gdb_tasks import TO_VIRTUAL, _run

PROLOGUE = TO_VIRTUAL

IRQ_SCRIPT = PROLOGUE + '''break el1h_64_irq_handler
continue
echo @@bt-irq\\n
bt
echo @@irq-pc\\n
info symbol regs->pc
delete
break arch_timer_handler_virt
continue
echo @@bt-irq-stack\\n
bt
echo @@end\\n
kill
'''

DIE_SCRIPT = PROLOGUE + '''break die
continue
echo @@bt-die\\n
bt
echo @@end\\n
kill
'''


@pytest.fixture(scope='module')
def die_session(env):
    return _run(env, 'exception-die', DIE_SCRIPT, initrd=False,
                append='console=ttyAMA0 test.crash=undef')


@pytest.fixture(scope='module')
def irq_session(env):
    return _run(env, 'exception-irq', IRQ_SCRIPT)


def _frames(out):
    return [ln for ln in out.split('\n') if re.match(r'#\d+ ', ln)]


def _after(frames, name):
    """The frame after the first one in function `name`."""
    for i, ln in enumerate(frames):
        if re.search(rf'\b{name} \(', ln):
            return frames[i + 1] if i + 1 < len(frames) else None
    return None


def test_bt_through_oops(die_session):
    out = die_session['bt-die']
    frames = _frames(out)
    assert frames and re.search(r'\bdie \(', frames[0]), out
    # the vector frame, then the function that ran the undefined instruction
    after = _after(frames, 'el1h_64_sync')
    assert after and re.search(r'\bcrash_test_undef \(', after), out
    assert re.search(r'\bcrash_test_run \(', out), out
    assert re.search(r'\b__primary_switched \(', frames[-1]), out
    assert 'Backtrace stopped' not in out
    assert 'Python Exception' not in die_session.output


def test_bt_through_irq(irq_session):
    out = irq_session['bt-irq']
    frames = _frames(out)
    assert frames and re.search(r'\bel1h_64_irq_handler \(', frames[0]), out
    m = re.search(r'^(\w+)(?: \+ \d+)? in section', irq_session['irq-pc'], re.M)
    assert m, irq_session['irq-pc']
    # The interrupted function is the frame after the vector's, or, when
    # the pc was in code inlined into it, the first caller of that frame
    # gdb shows without an address (an inlined frame's caller).
    i = next((i for i, ln in enumerate(frames) if re.search(r'\bel1h_64_irq \(', ln)), None)
    assert i is not None and i + 1 < len(frames), out
    chain = [frames[i + 1]] + [ln for ln in _inline_callers(frames[i + 2:])]
    assert any(re.search(rf'\b{m.group(1)} \(', ln) for ln in chain), out
    assert 'Backtrace stopped' not in out
    assert 'Python Exception' not in irq_session.output


def test_bt_from_irq_stack(irq_session):
    out = irq_session['bt-irq-stack']
    frames = _frames(out)
    names = [m.group(1) for m in (re.search(r'(?:in |^#\d+\s+)(\w+) \(', ln) for ln in frames) if m]
    assert names and names[0] == 'arch_timer_handler_virt', out
    # handler -> irqchip -> the switch of stacks -> the vector's C handler
    # (el1h_64_irq_handler when kernel code was interrupted, el0t_64_ when
    # user code was) -> the vector, on the task's stack
    for name in ('generic_handle_irq', 'gic_handle_irq', 'call_on_irq_stack'):
        assert name in names, (name, out)
    vector = next((n for n in names if re.fullmatch(r'el(1h|0t)_64_irq', n)), None)
    assert vector and f'{vector}_handler' in names, out
    order = [names.index(n) for n in
             ('generic_handle_irq', 'call_on_irq_stack', f'{vector}_handler', vector)]
    assert order == sorted(order), out
    # down to the stack's first frame
    assert re.match(r'__primary_switched|ret_from_fork|__secondary_switched|el0t_', names[-1]), out
    assert 'Backtrace stopped' not in out


def _inline_callers(frames):
    """The frames that continue an inlined call chain: no `0x... in`."""
    for ln in frames:
        if re.match(r'#\d+\s+0x[0-9a-f]+ in ', ln):
            return
        yield ln
