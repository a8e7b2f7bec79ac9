# SPDX-License-Identifier: GPL-2.0
"""hs dmesg: the kernel log from memory (kernel/printk/printk.c).

__log_buf is a ring of log_buf_len bytes of text, lines in syslog form
"<level>[time] text\\n"; log_next counts every byte ever written, so the
text is the last min(log_next, log_buf_len) bytes before log_next %
log_buf_len. Read where the image runs once the MMU is on (link addresses
plus kernel_offset(): KASLR, misalignment), at the physical ones (through
kimage_voffset) before."""

import gdb

from . import target
from .mm import kimage_voffset
from .symbols import Kernel, kernel_offset


def _reader():
    """read(link VA, size) for the image's variables."""
    if target.mmu_on():
        off = kernel_offset() or 0
        return lambda va, n: target.read((va + off) & (2**64 - 1), n)
    voff, _ = kimage_voffset()
    return lambda va, n: target.read((va - voff) & (2**64 - 1), n)


def log_text():
    elf = Kernel.load()
    read = _reader()
    buf, buf_size = elf.symbol('__log_buf')
    size = target.u32(read(elf.symbol('log_buf_len')[0], 4))
    if not size or (buf_size and size != buf_size):
        raise gdb.GdbError(f'log_buf_len reads {size}, __log_buf is '
                           f'{buf_size} bytes: wrong symbols or address?')
    nxt = target.u64(read(elf.symbol('log_next')[0], 8))
    if nxt <= size:
        data = read(buf, nxt) if nxt else b''
    else:
        head = nxt % size
        ring = read(buf, size)
        data = ring[head:] + ring[:head]
        # the oldest line is cut: start at the first whole one
        data = data[data.find(b'\n') + 1:]
    return data.decode('utf-8', 'replace')


class Dmesg(gdb.Command):
    """Print the kernel log buffer.

Usage: hs dmesg [-r]

-r keeps each line's "<level>" prefix, as stored."""

    def __init__(self):
        super().__init__('hs dmesg', gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        raw = arg.strip() == '-r'
        for line in log_text().splitlines():
            if not raw and len(line) >= 3 and line[0] == '<' and line[2] == '>':
                line = line[3:]
            gdb.write(line + '\n')
