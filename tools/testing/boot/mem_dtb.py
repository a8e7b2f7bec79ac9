# SPDX-License-Identifier: GPL-2.0
"""Device-tree edits for the memory boot tests (test_memory.py) that
fdtput cannot make: /memreserve/ entries and empty properties (`no-map`).

The blob is decompiled with dtc, edited as source and compiled back, always
with the same fixed size, so two variants of one board differ only in what
the test changed, not in how many pages the blob itself takes.
"""

import subprocess

DTB_SIZE = 0x10000      # every rebuilt blob is exactly this big


def _cells(value):
    return f'0x{value >> 32:x} 0x{value & 0xffffffff:x}'


def rebuild(dtb, memreserve=(), nomap=(), reserve=()):
    """Rewrite `dtb` (a dtb_util.Dtb) in place: add /memreserve/ entries
    [(base, size)], and /reserved-memory children with `no-map`
    (nomap=[(base, size)]) or without (reserve=[(base, size)])."""
    src = dtb.to_dts()
    header, _, body = src.partition('/dts-v1/;')
    lines = ['/dts-v1/;']
    lines += [f'/memreserve/ 0x{b:x} 0x{s:x};' for b, s in memreserve]
    text = header + '\n'.join(lines) + body
    if nomap or reserve:
        children = []
        for kind, ranges in (('nomap', nomap), ('rsv', reserve)):
            for base, size in ranges:
                flag = '\n\t\t\tno-map;' if kind == 'nomap' else ''
                children.append(f'\t\t{kind}@{base:x} {{\n\t\t\treg = <{_cells(base)} '
                                f'{_cells(size)}>;{flag}\n\t\t}};')
        node = ('\treserved-memory {\n\t\t#address-cells = <0x2>;\n'
                '\t\t#size-cells = <0x2>;\n\t\tranges;\n' + '\n'.join(children) + '\n\t};\n')
        end = text.rstrip().rfind('};')
        text = text[:end] + node + text[end:]
    res = subprocess.run(['dtc', '-q', '-I', 'dts', '-O', 'dtb', '-S', str(DTB_SIZE),
                          '-o', dtb.path, '-'], input=text, capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(f'dtc failed: {res.stderr}\n{text}')
    return dtb
