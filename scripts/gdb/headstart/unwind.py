# SPDX-License-Identifier: GPL-2.0
"""The end of a kernel backtrace.

Every kernel stack starts in assembly with no caller: __primary_switched
(the boot task, then the idle task, calls start_kernel from there) and
ret_from_fork (every other task's first frame). Without unwind tables for
them gdb guesses a caller from the registers, finds the same frame again
and ends each `bt` with "Backtrace stopped: previous frame identical to
this frame (corrupt stack?)". This unwinder claims those frames and gives
them a caller with pc, x29 and x30 all 0 (the final frame record of
Linux's unwinder, {0, 0}); gdb goes no further than a zero PC, and the
frame filter below leaves that empty frame out: `bt` ends at the entry
point with no message, as Linux's own unwinder ends at the final frame
record.

An exception taken from EL1 (el1h_64_sync, el1h_64_irq...: an oops, BUG,
an interrupt of kernel code) has no caller either: kernel_entry (entry.S)
saved the interrupted context as a struct pt_regs at the vector's sp, and
Linux's unwinder goes on at the frame record stored in it (x29 and ELR of
the interrupted code). ExceptionFrame does the same with all of pt_regs:
the caller of an el1 vector frame is the interrupted code, with x0..x30,
sp and pc as they were. While kernel_entry is still saving them (or after
kernel_exit moved sp past them) the frame ends the backtrace instead.

The interrupted code's own frame is gdb's to unwind, with one exception.
gdb takes a caller's pc for a return address and looks up the code
before it (pc - 1); the pc an exception saved is the next instruction to
run, not a return address. Inside a function the two look-ups mostly
agree, but at a function's first instruction, where QEMU's TCG often
takes interrupts (a translation block starts there), pc - 1 is the end of
another function or padding, and gdb's caller was garbage (bt from the
timer's handler ended in 'pl011_console ()', a variable, under a loaded
host). There the caller is known without unwind tables, as at any call:
every register is the caller's, and it resumes at x30. InterruptedAtEntry
gives exactly that, for the (sp, pc) an ExceptionFrame handed over only.

call_on_irq_stack (entry.S) is assembly without call-frame information:
it pushes a frame record {x29, x30} on the task's stack, points x29 at it
and moves sp to the IRQ stack. IrqStackFrame gives its caller from that
record, as Linux's unwinder follows it, so `bt` from an interrupt handler
goes on from the IRQ stack to the interrupted task's stack."""

import gdb
from gdb.FrameDecorator import FrameDecorator
from gdb.unwinder import Unwinder, register_unwinder

from .symbols import Kernel

ENTRY_POINTS = ('__primary_switched', 'ret_from_fork', '__secondary_switched')
# Exceptions taken from EL0 start the task's kernel stack afresh too.
ENTRY_PREFIXES = ('el0t_',)
# The entry.S vectors of exceptions taken from EL1, not their C handlers.
EXCEPTION_PREFIXES = ('el1h_64_', 'el1t_64_')
MOV_X0_SP = 0x910003e0      # `mov x0, sp`: pt_regs is complete, the handler is called next
ERET = 0xd69f03e0           # kernel_exit's last instruction: sp is past pt_regs


class _FrameId:
    def __init__(self, sp, pc):
        self.sp = sp
        self.pc = pc


def _running_bases(elf, addr):
    """Where the code at link address addr runs: at the virtual address
    (link address + the KASLR/misalignment offset) and, when physical
    symbols are loaded, at the physical one too."""
    bases = [(addr + Kernel.offset) & (2**64 - 1)]
    if Kernel.phys_base is not None:
        bases.append(addr - elf.text_va + Kernel.phys_base)
    return bases


class _KernelCodeUnwinder(Unwinder):
    """An unwinder for some of the kernel's own code: ranges() gives the
    tuples _find_ranges(elf) computes, at the running addresses, again
    only when the symbols or where they are loaded change."""

    def __init__(self, name):
        super().__init__(name)
        self._ranges = None
        self._path = None

    def ranges(self):
        try:
            elf = Kernel.load()
        except gdb.GdbError:
            return []
        key = (elf.path, Kernel.phys_base, Kernel.offset)
        if key != self._path:
            self._ranges = self._find_ranges(elf)
            self._path = key
        return self._ranges

    def _find_ranges(self, elf):
        raise NotImplementedError


class FinalFrame(_KernelCodeUnwinder):
    def __init__(self):
        super().__init__('headstart final frame')

    def _find_ranges(self, elf):
        """[start, end) of each entry point."""
        ranges = []
        for name in elf.symbols:
            if name in ENTRY_POINTS or name.startswith(ENTRY_PREFIXES):
                addr, size = elf.symbol(name)
                ranges += [(base, base + (size or 4)) for base in _running_bases(elf, addr)]
        return ranges

    def __call__(self, pending_frame):
        pc = int(pending_frame.read_register('pc')) & (2**64 - 1)
        for start, end in self.ranges():
            if start <= pc < end:
                return _final_record(pending_frame, start)
        return None


class HideZeroFrame:
    """Frame filter: drop the empty frame (pc 0) past an entry point."""

    def __init__(self):
        self.name = 'headstart final frame'
        self.priority = 100
        self.enabled = True

    def filter(self, frames):
        return (_ReadableArgs(f) for f in frames if int(f.inferior_frame().pc()) != 0)


class _Arg:
    """An argument for gdb's frame printer: its symbol and its value."""

    def __init__(self, sym, val):
        self.sym = sym
        self.val = val

    def symbol(self):
        return self.sym

    def value(self):
        return self.val


class _ReadableArgs(FrameDecorator):
    """A frame whose arguments are read here first. Through a frame filter
    gdb's printer stops the whole `bt` at an argument it cannot read (a
    va_list passed by reference, vprintk's args, whose address is in a
    register the caller's frame does not have: "Python Exception <class
    'gdb.MemoryError'>: Cannot access memory at address 0x200") where a
    plain bt prints <error: ...> and goes on; such an argument prints as
    the string "<error: ...>" instead, and the backtrace goes on. The cost:
    values read here have no entry value, so `buf=buf@entry=...` shows as
    `buf=...` (gdb's `set print entry-values no`)."""

    def _entry_pc(self):
        """The pc of a frame interrupted at a function's first instruction
        (InterruptedAtEntry's), else None. gdb names such a frame, gives
        its line and reads its arguments at pc - 1, in the code before."""
        frame = self.inferior_frame()
        pc = int(frame.pc()) & (2**64 - 1)
        if frame.unwind_stop_reason() != gdb.FRAME_UNWIND_NO_REASON or \
                pc not in _ENTRY_UNWINDER.ranges():
            return None
        sp = int(frame.read_register('sp')) & (2**64 - 1)
        return pc if (sp, pc) in _interrupted else None

    def function(self):
        pc = self._entry_pc()
        block = gdb.block_for_pc(pc) if pc is not None else None
        while block is not None and block.function is None:
            block = block.superblock
        return block.function.print_name if block is not None else super().function()

    def filename(self):
        pc = self._entry_pc()
        sal = gdb.find_pc_line(pc) if pc is not None else None
        return sal.symtab.filename if sal and sal.symtab else super().filename()

    def line(self):
        pc = self._entry_pc()
        sal = gdb.find_pc_line(pc) if pc is not None else None
        return sal.line if sal and sal.symtab else super().line()

    def frame_args(self):
        if self._entry_pc() is not None:
            return None     # read at pc - 1 they would be another function's
        args = super().frame_args()
        if args is None:
            return None
        frame = self.inferior_frame()
        out = []
        for arg in args:
            sym, val = arg.symbol(), arg.value()
            if val is None and not isinstance(sym, str):
                try:
                    val = sym.value(frame)
                    val.fetch_lazy()
                except gdb.error as e:
                    val = f'<error: {e}>'
            out.append(_Arg(sym, val))
        return out


def _final_record(pending_frame, start):
    """Unwind info giving the frame the final frame record {0, 0}."""
    sp = pending_frame.read_register('sp')
    pc_type = pending_frame.read_register('pc').type
    info = pending_frame.create_unwind_info(_FrameId(sp, gdb.Value(start).cast(pc_type)))
    zero = gdb.Value(0).cast(pc_type)
    for name in ('pc', 'x29', 'x30'):
        info.add_saved_register(name, zero)
    info.add_saved_register('sp', sp)
    return info


# (sp, pc) of the code each unwound exception frame interrupted: those
# frames' pc is not a return address (InterruptedAtEntry). Bounded: an
# entry left from an earlier stop can only match a frame at a function's
# first instruction with the same sp, which then was interrupted too.
_interrupted = set()


class ExceptionFrame(_KernelCodeUnwinder):
    """The frame of an el1 vector: its caller is the code the exception
    interrupted, read from the pt_regs at the frame's sp."""

    def __init__(self):
        super().__init__('headstart exception frame')

    def _find_ranges(self, elf):
        """(start, saved, end, stop): each el1 vector's code [start, stop),
        and where in it pt_regs is complete and at sp: [saved, end)."""
        ranges = []
        for name in elf.symbols:
            if not name.startswith(EXCEPTION_PREFIXES) or name.endswith('_handler'):
                continue
            addr, size = elf.symbol(name)
            try:
                words = elf.words(addr, size)
            except KeyError:
                continue
            if MOV_X0_SP not in words or ERET not in words:
                continue
            saved, end = 4 * words.index(MOV_X0_SP), 4 * words.index(ERET)
            ranges += [(base, base + saved, base + end, base + size)
                       for base in _running_bases(elf, addr)]
        return ranges

    def __call__(self, pending_frame):
        pc = int(pending_frame.read_register('pc')) & (2**64 - 1)
        for start, saved, end, stop in self.ranges():
            if not start <= pc < stop:
                continue
            if not saved <= pc < end:
                return _final_record(pending_frame, start)
            try:
                regs_type = gdb.lookup_type('struct pt_regs').pointer()
            except gdb.error:
                return _final_record(pending_frame, start)
            sp = pending_frame.read_register('sp')
            pc_type = pending_frame.read_register('pc').type
            regs = sp.cast(regs_type).dereference()
            info = pending_frame.create_unwind_info(
                _FrameId(sp, gdb.Value(start).cast(pc_type)))
            u64 = regs['regs'][0].type
            for i in range(31):
                info.add_saved_register(f'x{i}', regs['regs'][i].cast(u64))
            info.add_saved_register('sp', regs['sp'].cast(sp.type))
            info.add_saved_register('pc', regs['pc'].cast(pc_type))
            if len(_interrupted) > 1024:
                _interrupted.clear()
            _interrupted.add((int(regs['sp']) & (2**64 - 1), int(regs['pc']) & (2**64 - 1)))
            return info
        return None


class InterruptedAtEntry(_KernelCodeUnwinder):
    """Code an exception interrupted at a function's first instruction:
    its caller has every register as it is, and resumes at x30."""

    def __init__(self):
        super().__init__('headstart interrupted at entry')

    def _find_ranges(self, elf):
        """The running address of every function's first instruction."""
        return {base for addr in elf.function_starts for base in _running_bases(elf, addr)}

    def __call__(self, pending_frame):
        pc = int(pending_frame.read_register('pc')) & (2**64 - 1)
        if pc not in self.ranges():
            return None
        sp = pending_frame.read_register('sp')
        if (int(sp) & (2**64 - 1), pc) not in _interrupted:
            return None
        pc_type = pending_frame.read_register('pc').type
        info = pending_frame.create_unwind_info(_FrameId(sp, gdb.Value(pc).cast(pc_type)))
        for i in range(30):
            info.add_saved_register(f'x{i}', pending_frame.read_register(f'x{i}'))
        info.add_saved_register('sp', sp)
        info.add_saved_register('pc', pending_frame.read_register('x30').cast(pc_type))
        return info


STP_FP_LR_PRE16 = 0xa9bf7bfd   # `stp x29, x30, [sp, #-16]!`
MOV_FP_SP = 0x910003fd         # `mov x29, sp`
LDP_FP_LR_POST16 = 0xa8c17bfd  # `ldp x29, x30, [sp], #16`
FRAME_RECORD_FUNCTIONS = ('call_on_irq_stack',)


class IrqStackFrame(_KernelCodeUnwinder):
    """The frame of call_on_irq_stack: its caller from the frame record x29
    points at, between `mov x29, sp` and the `ldp` that pops the record."""

    def __init__(self):
        super().__init__('headstart irq stack frame')

    def _find_ranges(self, elf):
        """(start, valid, end): where x29 points at the record, [valid, end)."""
        ranges = []
        for name in FRAME_RECORD_FUNCTIONS:
            if name not in elf.symbols:
                continue
            addr, size = elf.symbol(name)
            words = elf.words(addr, size)
            if words[:2] != [STP_FP_LR_PRE16, MOV_FP_SP] or LDP_FP_LR_POST16 not in words:
                continue    # not the shape this unwinder knows: leave it to gdb
            valid, end = 8, 4 * words.index(LDP_FP_LR_POST16) + 4
            ranges += [(base, base + valid, base + end) for base in _running_bases(elf, addr)]
        return ranges

    def __call__(self, pending_frame):
        pc = int(pending_frame.read_register('pc')) & (2**64 - 1)
        for start, valid, end in self.ranges():
            if not valid <= pc < end:
                continue
            x29 = pending_frame.read_register('x29')
            sp_type = pending_frame.read_register('sp').type
            pc_type = pending_frame.read_register('pc').type
            fp = int(x29) & (2**64 - 1)
            try:
                record = bytes(gdb.selected_inferior().read_memory(fp, 16))
            except gdb.MemoryError:
                return None
            prev_fp = int.from_bytes(record[:8], 'little')
            lr = int.from_bytes(record[8:], 'little')
            caller_sp = gdb.Value(fp + 16).cast(sp_type)
            info = pending_frame.create_unwind_info(
                _FrameId(caller_sp, gdb.Value(start).cast(pc_type)))
            info.add_saved_register('x29', gdb.Value(prev_fp).cast(x29.type))
            info.add_saved_register('x30', gdb.Value(lr).cast(pc_type))
            info.add_saved_register('pc', gdb.Value(lr).cast(pc_type))
            info.add_saved_register('sp', caller_sp)
            return info
        return None


_ENTRY_UNWINDER = InterruptedAtEntry()


def register():
    # gdb asks the last registered first: FinalFrame before this one.
    register_unwinder(None, _ENTRY_UNWINDER, replace=True)
    register_unwinder(None, FinalFrame(), replace=True)
    register_unwinder(None, ExceptionFrame(), replace=True)
    register_unwinder(None, IrqStackFrame(), replace=True)
    gdb.frame_filters[HideZeroFrame().name] = HideZeroFrame()
