# SPDX-License-Identifier: GPL-2.0
"""Tasks and lists, with the names Linux's scripts/gdb uses for them:

  $current              the task the selected CPU runs (struct task_struct *),
                        refreshed at every stop (Linux: $lx_current())
  hs current            print it
  hs ps                 every task: address, pid, state, CPU, command (lx-ps)
  $container_of(PTR, "TYPE", "MEMBER")   the TYPE * whose MEMBER is at PTR
  hs list HEAD TYPE MEMBER [FIELD]       walk a struct list_head
  list_for_each_entry(head, type, member)  the same, for Python scripts

`current` is kept in SP_EL0 while the CPU is in the kernel
(include/linux/sched.h); at EL0 (and in a vector from EL0, until
kernel_entry loads it) SP_EL0 is the user's stack pointer, and
the task is the scheduler's __entry_task, this CPU's copy of it (at
__per_cpu_offset[cpu] from the variable; gdb thread N is CPU N - 1, as
QEMU numbers them), read through a CPU in the kernel, since QEMU lets gdb
read only what the selected CPU may. Needs the virtual symbols (the
MMU on): task_struct and the lists live at kernel virtual addresses."""

import gdb

from . import target

MASK64 = 2**64 - 1
TASK_STATES = ((0x0001, 'S'), (0x0002, 'D'), (0x0080, 'X'))
EXIT_ZOMBIE = 0x0020


def task_type():
    return gdb.lookup_type('struct task_struct')


def container_of(ptr, typename, member):
    """The typename * whose member is at ptr (a gdb.Value or an int)."""
    t = gdb.lookup_type(typename) if isinstance(typename, str) else typename
    addr = int(ptr) & MASK64
    for field in t.fields():
        if field.name == member:
            return gdb.Value(addr - field.bitpos // 8).cast(t.pointer())
    raise gdb.GdbError(f'{t} has no member {member}')


def list_for_each(head):
    """Every struct list_head * on the list whose head is `head` (a
    struct list_head value or pointer), head excluded."""
    if head.type.code == gdb.TYPE_CODE_PTR:
        head = head.dereference()
    first = head.address
    node = head['next']
    seen = 0
    while int(node) != int(first):
        if int(node) == 0:
            raise gdb.GdbError(f'list at {int(first):#x}: NULL next after {seen} entries')
        yield node
        node = node['next']
        seen += 1
        if seen > 100000:
            raise gdb.GdbError(f'list at {int(first):#x}: no end after 100000 entries')


def list_for_each_entry(head, typename, member):
    for node in list_for_each(head):
        yield container_of(node, typename, member)


def _kernel_pointer(value):
    return value >> 48 == 0xffff and value % 8 == 0


def current_task():
    """The selected CPU's current task (a struct task_struct *), or None."""
    el = (target.reg('cpsr') >> 2) & 3
    task = target.reg('SP_EL0') if el >= 1 else 0
    if not _kernel_pointer(task):   # EL0, or a vector from EL0 before kernel_entry set it
        cpu = gdb.selected_thread().num - 1         # QEMU: thread N is CPU N - 1
        task = _eval_in_kernel_mode(
            f'*(unsigned long *)((unsigned long)&__entry_task + __per_cpu_offset[{cpu}])')
    if not _kernel_pointer(task):
        return None
    return gdb.Value(task).cast(task_type().pointer())


def _eval_in_kernel_mode(expr):
    """expr's value as an unsigned long, read through a CPU that is in the
    kernel: QEMU reads memory for gdb as the selected CPU may, and a CPU at
    EL0 may not read kernel addresses. This CPU if it is at EL1, else any
    other; gdb.error if every CPU is at EL0."""
    selected = gdb.selected_thread()
    others = [t for t in gdb.selected_inferior().threads() if t != selected]
    try:
        for thread in [selected] + others:
            thread.switch()
            if (target.reg('cpsr') >> 2) & 3 >= 1:
                return int(gdb.parse_and_eval(expr)) & MASK64
    finally:
        selected.switch()
    raise gdb.error('every CPU is at EL0: no kernel memory to read through')


def running_tasks():
    """{task address: CPU number} for the task each CPU (gdb thread) runs."""
    running = {}
    selected = gdb.selected_thread()
    try:
        for thread in gdb.selected_inferior().threads():
            thread.switch()
            try:
                task = current_task()
            except (gdb.error, target.TargetError):
                continue
            if task is not None:
                running[int(task)] = thread.num - 1
    finally:
        if selected is not None:
            selected.switch()
    return running


def all_tasks():
    """init_task (pid 0), then task_list in creation order."""
    init = gdb.parse_and_eval('init_task')
    yield init.address
    yield from list_for_each_entry(gdb.parse_and_eval('task_list'), 'struct task_struct',
                                   'tasks')


def task_state(task):
    if int(task['exit_state']) & EXIT_ZOMBIE:
        return 'Z'
    state = int(task['state'])
    for bit, letter in TASK_STATES:
        if state & bit:
            return letter
    return 'R'


def _comm(task):
    return task['comm'].string(length=16).split('\0')[0]


def refresh_current(event=None):
    """Set $current after every stop (void if there is none yet)."""
    try:
        task = current_task()
    except (gdb.error, target.TargetError, RuntimeError):
        task = None
    gdb.set_convenience_variable('current', task)


class Current(gdb.Command):
    """The task the selected CPU runs: its address, pid and command.

Usage: hs current

Also in $current (a struct task_struct *, updated at every stop):
`p $current->comm`, `p *$current`."""

    def __init__(self):
        super().__init__('hs current', gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        task = current_task()
        if task is None:
            raise gdb.GdbError('no current task yet (SP_EL0 holds no kernel pointer: '
                               'before __primary_switched?)')
        gdb.set_convenience_variable('current', task)
        gdb.write(f'{int(task):#x} pid {int(task["pid"])} {_comm(task)}\n')


class Ps(gdb.Command):
    """Every task, as Linux's lx-ps: address, pid, state, CPU, command.

Usage: hs ps

STATE is R (running or runnable), S (sleeping), D (uninterruptible), Z
(zombie) or X (dead); CPU is the CPU running the task now, else -.
The other CPUs' idle tasks (swapper/N) are on no list, as in Linux; the
ones running now are shown too, after the list, so every CPU has a row."""

    def __init__(self):
        super().__init__('hs ps', gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        running = running_tasks()
        listed = set()
        gdb.write(f'{"TASK":<18} {"PID":>5} {"ST":>2} {"CPU":>3} COMMAND\n')
        for task in all_tasks():
            listed.add(int(task))
            self._row(task, running.get(int(task)))
        task_ptr = gdb.lookup_type('struct task_struct').pointer()
        for addr, cpu in sorted(running.items(), key=lambda item: item[1]):
            if addr not in listed:
                self._row(gdb.Value(addr).cast(task_ptr), cpu)

    @staticmethod
    def _row(task, cpu):
        gdb.write(f'{int(task):#018x} {int(task["pid"]):>5} {task_state(task):>2} '
                  f'{"-" if cpu is None else cpu:>3} {_comm(task)}\n')


class ListCmd(gdb.Command):
    """Walk a struct list_head: each entry's address, and a field of it.

Usage: hs list HEAD TYPE MEMBER [FIELD]

HEAD is an expression giving the list's head (a struct list_head, or a
pointer to one); TYPE the entries' type (quoted if it has spaces); MEMBER
their struct list_head member. For example
`hs list task_list 'struct task_struct' tasks comm`."""

    def __init__(self):
        super().__init__('hs list', gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        argv = gdb.string_to_argv(arg)
        if len(argv) not in (3, 4):
            raise gdb.GdbError('usage: hs list HEAD TYPE MEMBER [FIELD]')
        head = gdb.parse_and_eval(argv[0])
        n = 0
        for entry in list_for_each_entry(head, argv[1], argv[2]):
            extra = f' {entry.dereference()[argv[3]]}' if len(argv) == 4 else ''
            gdb.write(f'[{n}] ({argv[1]} *) {int(entry):#x}{extra}\n')
            n += 1
        gdb.write(f'{n} entries\n')


class ContainerOf(gdb.Function):
    """$container_of(PTR, "TYPE", "MEMBER"): the TYPE * whose MEMBER is at
PTR, as the kernel's container_of()."""

    def __init__(self):
        super().__init__('container_of')

    def invoke(self, ptr, typename, member):
        return container_of(ptr, typename.string(), member.string())


def register():
    Current()
    Ps()
    ListCmd()
    ContainerOf()
    gdb.events.stop.connect(refresh_current)
