# SPDX-License-Identifier: GPL-2.0
"""What exec costs, as `make bench` reports it: /bin/bench on one CPU
under -icount shift=0, from the busybox initramfs, its row
`fork + execve + wait4` (the child runs `/bin/busybox true`, Debian's
1.8 MB busybox-static; one run before the count).

execve maps the ELF segments from the file's pages (fs/binfmt_elf.c)
instead of copying them: only the pages busybox touches are mapped, the
text shared with every other process running it, the data copied at its
first write. The bound, 600,000 instructions, is about two and a half
times what a run takes at the time of writing (247,270); copying the
segments, as execve did before, took 1,349,994.
"""

import re

from test_bench_vdso import ICOUNT, ROW


def test_fork_execve_busybox(console, qemu_cmd, kernel_image, busybox_initramfs):
    console.start(qemu_cmd(kernel=kernel_image, memory='256M', smp=1,
                           append='console=ttyAMA0 quiet poweroff '
                                  'rdinit=/usr/libexec/headstart/init -- /bin/bench -n 1000',
                           extra=['-initrd', busybox_initramfs] + ICOUNT))
    text = '\n'.join(ln.text for ln in console.read_until_exit(timeout=120))
    assert console.exitstatus == 0
    assert 'bench: instructions retired' in text, text
    row = re.search(ROW.format(re.escape('fork + execve + wait4')), text)
    assert row, text
    assert int(row[1]) == 10
    assert int(row[3]) < 600000, f'{row[3]} instructions per fork + execve + wait4'
