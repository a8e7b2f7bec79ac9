# SPDX-License-Identifier: GPL-2.0
"""`make dtbs` against the machines they describe.

arch/arm64/boot/dts/qemu/virt-gicv{2,3}.dts are written from what QEMU
tells a guest about -M virt,gic-version=N; each compiled .dtb must hold
the same nodes and properties as QEMU's own (-M ...,dumpdtb=), up to the
numbering of phandles (compared by the path of the node they point to),
QEMU's per-boot random seeds, and the __symbols__ node that dtc -@ adds.
Then the kernel boots with it through `make qemu`'s QEMU_DTB= path (QEMU's
-dtb).
"""

import os
import struct
import subprocess

import pytest

from qemu_console import qemu_command

FDT_BEGIN_NODE, FDT_END_NODE, FDT_PROP, FDT_NOP, FDT_END = 1, 2, 3, 4, 9

# Properties holding phandles: (cells per entry, indexes of phandle cells),
# for the #*-cells values of QEMU virt (interrupt-map: child unit address 3
# + child specifier 1, phandle, parent unit address 2 + specifier 3).
PHANDLE_PROPS = {
    'interrupt-parent': (1, (0,)),
    'clocks': (1, (0,)),
    'cpu': (1, (0,)),
    'gpios': (3, (0,)),
    'msi-map': (4, (1,)),
    'interrupt-map': (10, (4,)),
}
IGNORED = {('/chosen', 'rng-seed'), ('/chosen', 'kaslr-seed')}


def read_tree(path):
    """{node path: {property: bytes}} of a DTB."""
    with open(path, 'rb') as f:
        blob = f.read()
    magic, _total, off_struct, off_strings = struct.unpack_from('>4I', blob)
    assert magic == 0xd00dfeed, f'{path}: not a DTB'
    tree, stack, off = {}, [], off_struct
    while True:
        (tag,) = struct.unpack_from('>I', blob, off)
        off += 4
        if tag == FDT_BEGIN_NODE:
            end = blob.index(b'\0', off)
            stack.append(blob[off:end].decode())
            tree['/' + '/'.join(stack[1:])] = {}
            off = (end + 4) & ~3
        elif tag == FDT_END_NODE:
            stack.pop()
        elif tag == FDT_PROP:
            size, name_off = struct.unpack_from('>II', blob, off)
            name = blob[off_strings + name_off:blob.index(b'\0', off_strings + name_off)]
            tree['/' + '/'.join(stack[1:])][name.decode()] = blob[off + 8:off + 8 + size]
            off = (off + 8 + size + 3) & ~3
        elif tag == FDT_END:
            return tree
        elif tag != FDT_NOP:
            raise ValueError(f'{path}: bad tag {tag:#x}')


def normalized(path):
    """The tree with phandle values replaced by the path they name."""
    tree = read_tree(path)
    tree.pop('/__symbols__', None)
    targets = {}
    for node, props in tree.items():
        if 'phandle' in props:
            targets[struct.unpack('>I', props.pop('phandle'))[0]] = node
    out = {}
    for node, props in tree.items():
        for name, value in props.items():
            if (node, name) in IGNORED:
                continue
            if name in PHANDLE_PROPS:
                per, which = PHANDLE_PROPS[name]
                cells = list(struct.unpack(f'>{len(value) // 4}I', value))
                assert len(cells) % per == 0, f'{path}: {node} {name}: {len(cells)} cells'
                for i in range(0, len(cells), per):
                    for j in which:
                        cells[i + j] = targets[cells[i + j]]
                value = tuple(cells)
            out[(node, name)] = value
    return out


@pytest.mark.parametrize('gic', [2, 3])
def test_dtb_matches_qemu(env, test_dir, gic):
    ours = env.artifact(f'dts/qemu/virt-gicv{gic}.dtb')
    qemu = os.path.join(test_dir, 'qemu.dtb')
    subprocess.run(qemu_command(qemu=env.qemu, gic=gic, memory='256M',
                                machine_opts=[f'dumpdtb={qemu}']),
                   check=True, capture_output=True, stdin=subprocess.DEVNULL, timeout=60)
    want, got = normalized(qemu), normalized(ours)
    missing = sorted(set(want) - set(got))
    extra = sorted(set(got) - set(want))
    differ = sorted(k for k in set(want) & set(got) if want[k] != got[k])
    assert not (missing or extra or differ), (
        f'virt-gicv{gic}.dtb differs from QEMU\'s:\n  missing {missing}\n'
        f'  extra {extra}\n  different {[(k, want[k], got[k]) for k in differ]}')
    assert '__symbols__' in {n.split('/')[1] for n in read_tree(ours)}, 'built without -@'


@pytest.mark.parametrize('gic', [2, 3])
def test_boot_with_dtb(env, console, gic):
    """make qemu QEMU_DTB=.../virt-gicvN.dtb: QEMU's -kernel loader takes
    our tree, fills /memory and /chosen in, and the kernel boots on it."""
    dtb = env.artifact(f'dts/qemu/virt-gicv{gic}.dtb')
    append = f'console=ttyAMA0 earlycon poweroff dtbs.test=gicv{gic}'
    console.start(qemu_command(qemu=env.qemu, gic=gic, kernel=env.artifact('Image'),
                               dtb=dtb, append=append, memory='512M'))
    console.expect('Machine model: linux,dummy-virt')
    # QEMU rewrote /memory from -m: 512 MiB, not the file's 256
    console.expect('  node   0: [mem 0x0000000040000000-0x000000005fffffff]')
    console.expect(f'Kernel command line: {append}')
    console.expect('headstart: boot complete, CPU0 idle')
    assert console.wait_exit() == 0
