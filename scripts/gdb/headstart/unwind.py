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
record."""

import gdb
from gdb.unwinder import Unwinder, register_unwinder

from .symbols import Kernel

ENTRY_POINTS = ('__primary_switched', 'ret_from_fork', '__secondary_switched')
# Exceptions taken from EL0 start the task's kernel stack afresh too.
ENTRY_PREFIXES = ('el0t_',)


class _FrameId:
    def __init__(self, sp, pc):
        self.sp = sp
        self.pc = pc


class FinalFrame(Unwinder):
    def __init__(self):
        super().__init__('headstart final frame')
        self._ranges = None
        self._path = None

    def ranges(self):
        """[start, end) of each entry point, at the virtual addresses the
        symbols are loaded at (link address + the KASLR/misalignment
        offset) and, when physical symbols are loaded, at the physical ones
        too."""
        try:
            elf = Kernel.load()
        except gdb.GdbError:
            return []
        key = (elf.path, Kernel.phys_base, Kernel.offset)
        if key != self._path:
            self._ranges = []
            names = [n for n in elf.symbols
                     if n in ENTRY_POINTS or n.startswith(ENTRY_PREFIXES)]
            for name in names:
                addr, size = elf.symbol(name)
                size = size or 4
                va = (addr + Kernel.offset) & (2**64 - 1)
                self._ranges.append((va, va + size))
                if Kernel.phys_base is not None:
                    pa = addr - elf.text_va + Kernel.phys_base
                    self._ranges.append((pa, pa + size))
            self._path = key
        return self._ranges

    def __call__(self, pending_frame):
        pc = int(pending_frame.read_register('pc')) & (2**64 - 1)
        for start, end in self.ranges():
            if start <= pc < end:
                sp = pending_frame.read_register('sp')
                pc_type = pending_frame.read_register('pc').type
                info = pending_frame.create_unwind_info(
                    _FrameId(sp, gdb.Value(start).cast(pc_type)))
                zero = gdb.Value(0).cast(pc_type)
                for name in ('pc', 'x29', 'x30'):     # the final frame record: {0, 0}
                    info.add_saved_register(name, zero)
                info.add_saved_register('sp', sp)
                return info
        return None


class HideZeroFrame:
    """Frame filter: drop the empty frame (pc 0) past an entry point."""

    def __init__(self):
        self.name = 'headstart final frame'
        self.priority = 100
        self.enabled = True

    def filter(self, frames):
        return (f for f in frames if int(f.inferior_frame().pc()) != 0)


def register():
    register_unwinder(None, FinalFrame(), replace=True)
    gdb.frame_filters[HideZeroFrame().name] = HideZeroFrame()
