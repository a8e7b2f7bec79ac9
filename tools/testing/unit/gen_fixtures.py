#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""tools/testing/unit/gen_fixtures.py: the device trees test_fdt.c reads.

Every fixture starts as a DTB that QEMU itself generates for its `virt`
board (`-M virt,dumpdtb=FILE`), so the tests see the trees a real boot
sees. Most are then edited: converted to source with `dtc -I dtb -O dts`,
changed through the small tree model below (or with fdtput), and compiled
back with `dtc -O dtb`. What each fixture holds is written next to it in
FIXTURES; test_fdt.c expects exactly that, and says so where it checks.

Usage: gen_fixtures.py OUTDIR    (run by `make check` in this directory)
"""

import os
import re
import subprocess
import sys

QEMU = os.environ.get('QEMU', 'qemu-system-aarch64')
DTC = os.environ.get('DTC', 'dtc')
FDTPUT = os.environ.get('FDTPUT', 'fdtput')

# The size of the fake initrd given to QEMU (test_fdt.c checks it).
INITRD_SIZE = 100000
BOOTARGS = 'console=ttyAMA0 earlycon foo="a b" bar'


def run(argv, **kwargs):
    res = subprocess.run(argv, capture_output=True, text=True, **kwargs)
    if res.returncode != 0:
        raise RuntimeError(f'{" ".join(argv)} failed ({res.returncode}):\n'
                           f'{res.stdout}{res.stderr}')
    return res.stdout


def dumpdtb(path, machine='virt', args=()):
    """Let QEMU write the DTB it would give a guest, and exit."""
    run([QEMU, '-M', f'{machine},dumpdtb={path}', '-nographic', '-nic', 'none',
         *args])
    return path


# --- A small model of dtc's own DTS output ----------------------------------
#
# `dtc -O dts` writes one property per line ("name = value;" or "name;"),
# one node opening per line ("name {") and "};" to close, with no labels
# when the input is a DTB. That regular form is all this parser accepts.

class Node:
    def __init__(self, name):
        self.name = name
        self.props = []		# [name, value or None], in order
        self.children = []

    def child(self, name):
        for c in self.children:
            if c.name == name:
                return c
        raise KeyError(f'no node {name} under {self.name}')

    def get(self, name):
        for p in self.props:
            if p[0] == name:
                return p[1]
        return None

    def has(self, name):
        return any(p[0] == name for p in self.props)

    def set(self, name, value=None):
        for p in self.props:
            if p[0] == name:
                p[1] = value
                return self
        self.props.append([name, value])
        return self

    def delete(self, name):
        self.props = [p for p in self.props if p[0] != name]
        return self

    def add(self, name):
        node = Node(name)
        self.children.append(node)
        return node

    def remove(self, name):
        self.children = [c for c in self.children if c.name != name]


class Tree:
    def __init__(self, dts):
        self.header = []
        self.root = None
        stack = []
        for raw in dts.splitlines():
            line = raw.strip()
            if not line:
                continue
            if not stack and line.startswith('/') and line.endswith(';'):
                self.header.append(line)	# /dts-v1/; /memreserve/ ...;
            elif line.endswith(' {'):
                node = Node(line[:-2].strip())
                if stack:
                    stack[-1].children.append(node)
                else:
                    self.root = node
                stack.append(node)
            elif line == '};':
                stack.pop()
            elif line.endswith(';'):
                name, eq, value = line[:-1].partition(' = ')
                stack[-1].props.append([name, value if eq else None])
            else:
                raise ValueError(f'unexpected DTS line: {raw!r}')
        if stack or self.root is None:
            raise ValueError('unbalanced DTS')

    def node(self, path):
        node = self.root
        for part in filter(None, path.split('/')):
            node = node.child(part)
        return node

    def memreserve(self, base, size):
        self.header.append(f'/memreserve/ {base:#x} {size:#x};')

    def dts(self):
        out = [h for h in self.header]

        def emit(node, depth):
            tab = '\t' * depth
            out.append(f'{tab}{node.name} {{')
            for name, value in node.props:
                out.append(f'{tab}\t{name};' if value is None
                           else f'{tab}\t{name} = {value};')
            for c in node.children:
                emit(c, depth + 1)
            out.append(f'{tab}}};')
        emit(self.root, 0)
        return '\n'.join(out) + '\n'


def load(dtb):
    return Tree(run([DTC, '-q', '-I', 'dtb', '-O', 'dts', dtb]))


def save(tree, path):
    run([DTC, '-q', '-I', 'dts', '-O', 'dtb', '-o', path, '-'], input=tree.dts())
    return path


def cells(value):
    """The numbers of a "<a b c>" property value."""
    m = re.fullmatch(r'<([^>]*)>', value)
    if not m:
        raise ValueError(f'not a single cell list: {value}')
    return [int(x, 0) for x in m.group(1).split()]


def fmt_cells(values):
    return '<' + ' '.join(f'{v:#x}' for v in values) + '>'


def split_number(value, ncells):
    if value >> (32 * ncells):
        raise ValueError(f'{value:#x} does not fit in {ncells} cells')
    return [(value >> (32 * i)) & 0xffffffff for i in reversed(range(ncells))]


def join_number(words):
    v = 0
    for w in words:
        v = (v << 32) | w
    return v


def reg(ncells, *pairs):
    """A reg value from (address, size) pairs, for (address, size) cells."""
    out = []
    for addr, size in pairs:
        out += split_number(addr, ncells[0]) + split_number(size, ncells[1])
    return fmt_cells(out)


def ncells(node, name, default):
    value = node.get(name)
    return cells(value)[0] if value else default


def convert_root_cells(tree, new_ac, new_sc):
    """Rewrite the whole tree for new root #address-cells/#size-cells:
    every reg of the root's children, and the parent-address part of their
    ranges/dma-ranges, so the tree stays self-consistent."""
    root = tree.root
    old_ac, old_sc = ncells(root, '#address-cells', 2), ncells(root, '#size-cells', 1)
    for child in root.children:
        value = child.get('reg')
        if value:
            words, pairs = cells(value), []
            step = old_ac + old_sc
            for i in range(0, len(words), step):
                pairs.append((join_number(words[i:i + old_ac]),
                              join_number(words[i + old_ac:i + step])))
            child.set('reg', reg((new_ac, new_sc), *pairs))
        for prop in ('ranges', 'dma-ranges'):
            value = child.get(prop)
            if not value:
                continue
            cac, csc = ncells(child, '#address-cells', 2), ncells(child, '#size-cells', 1)
            words, out = cells(value), []
            step = cac + old_ac + csc
            for i in range(0, len(words), step):
                out += words[i:i + cac]
                out += split_number(join_number(words[i + cac:i + cac + old_ac]), new_ac)
                out += words[i + cac + old_ac:i + step]
            child.set(prop, fmt_cells(out))
    root.set('#address-cells', fmt_cells([new_ac]))
    root.set('#size-cells', fmt_cells([new_sc]))


# --- The fixtures --------------------------------------------------------------

def memory_layout(tree, ac, sc, high):
    """Replace QEMU's memory node with the layout test_fdt.c expects:
    memory@40000000 with two reg entries, memory@60000000, a disabled
    memory@80000000 and, when the cells allow it, memory@100000000."""
    root = tree.root
    for c in list(root.children):
        if c.get('device_type') == '"memory"':
            root.remove(c.name)
    m = root.add('memory@40000000')
    m.set('device_type', '"memory"')
    m.set('reg', reg((ac, sc), (0x40000000, 0x08000000), (0x50000000, 0x08000000)))
    m = root.add('memory@60000000')
    m.set('device_type', '"memory"')
    m.set('reg', reg((ac, sc), (0x60000000, 0x10000000)))
    m = root.add('memory@80000000')
    m.set('device_type', '"memory"')
    m.set('status', '"disabled"')
    m.set('reg', reg((ac, sc), (0x80000000, 0x10000000)))
    if high:
        m = root.add('memory@100000000')
        m.set('device_type', '"memory"')
        m.set('reg', reg((ac, sc), (0x100000000, 0x10000000)))


def gen_cells(out, base, ac, sc, high):
    tree = load(base)
    convert_root_cells(tree, ac, sc)
    memory_layout(tree, ac, sc, high)
    return save(tree, out)


def gen_reserved(out, base):
    """/memreserve/ entries and a /reserved-memory node (2/2 cells)."""
    tree = load(base)
    tree.memreserve(0x4f000000, 0x2000)
    tree.memreserve(0x48000000, 0x10000)
    rm = tree.root.add('reserved-memory')
    rm.set('#address-cells', '<0x02>').set('#size-cells', '<0x02>').set('ranges')
    rm.add('buffer@4a000000').set('reg', reg((2, 2), (0x4a000000, 0x400000)))
    rm.add('firmware@4c000000').set('reg', reg((2, 2), (0x4c000000, 0x200000))).set('no-map')
    rm.add('multi@4d000000').set('reg', reg((2, 2), (0x4d000000, 0x1000), (0x4d100000, 0x1000)))
    off = rm.add('off@4e000000')
    off.set('reg', reg((2, 2), (0x4e000000, 0x100000))).set('no-map').set('status', '"disabled"')
    rm.add('pool').set('size', '<0x00 0x100000>')		# dynamic: no reg, ignored
    return save(tree, out)


def gen_bus(out, base):
    """Nodes whose reg goes through their parents' ranges."""
    tree = load(base)
    root = tree.root
    soc = root.add('soc')
    soc.set('compatible', '"simple-bus"')
    soc.set('#address-cells', '<0x01>').set('#size-cells', '<0x01>')
    # child 0x0 -> 0x9000000 (64K), child 0x100000 -> 0x20000000 (1M),
    # child 0x80000000 -> 0x80000000 (256M)
    soc.set('ranges', fmt_cells([0x0, 0x0, 0x9000000, 0x10000,
                                 0x100000, 0x0, 0x20000000, 0x100000,
                                 0x80000000, 0x0, 0x80000000, 0x10000000]))
    soc.add('uart@0').set('reg', '<0x00 0x1000>')
    soc.add('dev@100010').set('reg', '<0x100010 0x10>')
    soc.add('outside@200000').set('reg', '<0x200000 0x1000>')
    sub = soc.add('sub@100000')
    sub.set('#address-cells', '<0x01>').set('#size-cells', '<0x01>')
    sub.set('ranges', '<0x00 0x100000 0x1000>')
    sub.add('leaf@8').set('reg', '<0x08 0x04>')
    mem = soc.add('memory@80000000')
    mem.set('device_type', '"memory"').set('reg', '<0x80000000 0x1000000>')
    opaque = root.add('opaque')
    opaque.set('#address-cells', '<0x01>').set('#size-cells', '<0x01>')
    opaque.add('thing@5').set('reg', '<0x05 0x01>')
    opaque_mem = opaque.add('memory@90000000')
    opaque_mem.set('device_type', '"memory"').set('reg', '<0x90000000 0x1000000>')
    # A device on QEMU's own platform bus, through QEMU's ranges.
    root.child('platform-bus@c000000').add('dev@1000').set('reg', '<0x1000 0x100>')
    return save(tree, out)


def fdtput(path, *args):
    run([FDTPUT, path, *args])


def copy_with(out, base, *edits):
    with open(base, 'rb') as f:
        blob = f.read()
    with open(out, 'wb') as f:
        f.write(blob)
    for e in edits:
        fdtput(out, *e)
    return out


# name -> what it holds (test_fdt.c relies on each line)
FIXTURES = {
    'virt.dtb': 'QEMU virt, -m 256M, GICv2: memory@40000000 256M, no bootargs',
    'virt-kernel.dtb': f'-kernel/-append/-initrd: bootargs {BOOTARGS!r}, '
                       f'an initrd of {INITRD_SIZE} bytes (1-cell start/end)',
    'virt-gicv3.dtb': 'gic-version=3, -smp 2, -m 1G',
    'virt-4g.dtb': '-m 4G: one memory reg whose size needs both cells',
    'virt-numa.dtb': 'two NUMA nodes: memory@40000000 and memory@50000000, 256M each',
    'cells-1-1.dtb': 'root #address-cells/#size-cells 1/1 (highmem=off base), memory layout',
    'cells-2-2.dtb': 'root 2/2, memory layout + memory@100000000',
    'cells-2-1.dtb': 'root 2/1, memory layout + memory@100000000',
    'reserved.dtb': '-m 512M, /memreserve/ x2, /reserved-memory with and without no-map',
    'bus.dtb': '/soc with ranges, nested bus, bus without ranges, platform-bus child',
    'stdout-options.dtb': 'stdout-path = "/pl011@9000000:115200n8"',
    'stdout-alias.dtb': '/aliases/serial0, stdout-path = "serial0:115200n8"',
    'stdout-alias-plain.dtb': 'stdout-path = "serial0" (alias, no options)',
    'stdout-legacy.dtb': 'only linux,stdout-path = "/pl011@9000000"',
    'initrd64.dtb': 'initrd 0x100000000..0x100200000 in 2-cell properties',
    'initrd-backwards.dtb': 'initrd end below start: ignored',
    'bootargs-empty.dtb': 'bootargs = "": CONFIG_CMDLINE is used',
    'model.dtb': 'model = "headstart test board", compatible unchanged',
    'no-model.dtb': 'no model; compatible = "acme,board", "linux,dummy-virt"',
    'no-model-no-compatible.dtb': 'neither model nor compatible',
    'chosen-at-0.dtb': 'the /chosen node is named chosen@0, bootargs "from=chosen@0"',
    'no-chosen.dtb': 'no /chosen node at all',
}


def main(outdir):
    os.makedirs(outdir, exist_ok=True)
    p = lambda name: os.path.join(outdir, name)

    # Inputs QEMU loads when asked for -kernel/-initrd. The kernel is not
    # run (dumpdtb exits first), so any file will do.
    with open(p('dummy-kernel.bin'), 'wb') as f:
        f.write(bytes(4096))
    with open(p('initrd.bin'), 'wb') as f:
        f.write(bytes(range(256)) * (INITRD_SIZE // 256) + bytes(INITRD_SIZE % 256))

    virt = dumpdtb(p('virt.dtb'), args=['-m', '256M'])
    dumpdtb(p('virt-kernel.dtb'), args=['-m', '256M', '-kernel', p('dummy-kernel.bin'),
                                        '-append', BOOTARGS, '-initrd', p('initrd.bin')])
    dumpdtb(p('virt-gicv3.dtb'), 'virt,gic-version=3', ['-smp', '2', '-m', '1G'])
    dumpdtb(p('virt-4g.dtb'), args=['-m', '4G'])
    dumpdtb(p('virt-numa.dtb'), args=[
        '-smp', '2', '-m', '512M',
        '-object', 'memory-backend-ram,id=m0,size=256M',
        '-object', 'memory-backend-ram,id=m1,size=256M',
        '-numa', 'node,memdev=m0,cpus=0', '-numa', 'node,memdev=m1,cpus=1'])
    low = dumpdtb(p('base-highmem-off.dtb'), 'virt,highmem=off', ['-m', '1G'])
    gen_cells(p('cells-1-1.dtb'), low, 1, 1, high=False)
    gen_cells(p('cells-2-2.dtb'), virt, 2, 2, high=True)
    gen_cells(p('cells-2-1.dtb'), virt, 2, 1, high=True)
    base512 = dumpdtb(p('base-512m.dtb'), args=['-m', '512M'])
    gen_reserved(p('reserved.dtb'), base512)
    gen_bus(p('bus.dtb'), virt)

    copy_with(p('stdout-options.dtb'), virt,
              ['-t', 's', '/chosen', 'stdout-path', '/pl011@9000000:115200n8'])
    copy_with(p('stdout-alias.dtb'), virt,
              ['-c', '/aliases'],
              ['-t', 's', '/aliases', 'serial0', '/pl011@9000000'],
              ['-t', 's', '/chosen', 'stdout-path', 'serial0:115200n8'])
    copy_with(p('stdout-alias-plain.dtb'), virt,
              ['-c', '/aliases'],
              ['-t', 's', '/aliases', 'serial0', '/pl011@9000000'],
              ['-t', 's', '/chosen', 'stdout-path', 'serial0'])
    copy_with(p('stdout-legacy.dtb'), virt,
              ['-d', '/chosen', 'stdout-path'],
              ['-t', 's', '/chosen', 'linux,stdout-path', '/pl011@9000000'])
    copy_with(p('initrd64.dtb'), virt,
              ['-t', 'x', '/chosen', 'linux,initrd-start', '0x1', '0x0'],
              ['-t', 'x', '/chosen', 'linux,initrd-end', '0x1', '0x200000'])
    copy_with(p('initrd-backwards.dtb'), virt,
              ['-t', 'x', '/chosen', 'linux,initrd-start', '0x48000000'],
              ['-t', 'x', '/chosen', 'linux,initrd-end', '0x47000000'])
    copy_with(p('bootargs-empty.dtb'), virt,
              ['-t', 's', '/chosen', 'bootargs', ''])
    copy_with(p('model.dtb'), virt,
              ['-t', 's', '/', 'model', 'headstart test board'])
    copy_with(p('no-model.dtb'), virt,
              ['-d', '/', 'model'],
              ['-t', 's', '/', 'compatible', 'acme,board', 'linux,dummy-virt'])
    copy_with(p('no-model-no-compatible.dtb'), virt,
              ['-d', '/', 'model'], ['-d', '/', 'compatible'])

    copy_with(p('no-chosen.dtb'), virt, ['-r', '/chosen'])

    tree = load(virt)
    tree.node('/chosen').name = 'chosen@0'
    tree.node('/chosen@0').set('bootargs', '"from=chosen@0"')
    save(tree, p('chosen-at-0.dtb'))

    with open(p('README'), 'w') as f:
        f.write('Generated by tools/testing/unit/gen_fixtures.py; read by test_fdt.c.\n\n')
        for name, what in FIXTURES.items():
            f.write(f'{name}: {what}\n')
    for name in FIXTURES:
        if not os.path.exists(p(name)):
            raise RuntimeError(f'{name} was not generated')


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
