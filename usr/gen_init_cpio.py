#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""gen_init_cpio.py: write a newc cpio archive (an initramfs) from a list.

    gen_init_cpio.py [-o out.cpio] list

The list has the format of Linux's usr/gen_init_cpio, one entry a line:

    dir   <name> <mode> <uid> <gid>
    file  <name> <location> <mode> <uid> <gid>
    nod   <name> <mode> <uid> <gid> <c|b> <major> <minor>
    slink <name> <target> <mode> <uid> <gid>

(# starts a comment). Because the archive only describes a device node, no
root privileges are needed to put /dev/console in it. Names are stored
without their leading '/', every mtime is 0 so the same inputs give the same
bytes, and inode numbers count up from 721 as gen_init_cpio's do.

The newc format (Linux's Documentation/driver-api/early-userspace/
buffer-format.rst): each entry is the magic "070701", thirteen 8-digit hex
fields, the NUL-terminated name padded to a multiple of 4 bytes, then the data
padded likewise; the archive ends with an entry named "TRAILER!!!".
"""

import argparse
import stat
import sys


class CpioWriter:
    def __init__(self, out):
        self.out = out
        self.pos = 0
        self.ino = 721

    def _write(self, data):
        self.out.write(data)
        self.pos += len(data)

    def _pad(self):
        self._write(b'\0' * (-self.pos % 4))

    def entry(self, name, mode, uid=0, gid=0, data=b'', rdev=(0, 0), nlink=1):
        name = name.lstrip('/')
        if name != 'TRAILER!!!' and (not name or '..' in name.split('/')):
            raise ValueError(f'bad name {name!r}')
        encoded = name.encode() + b'\0'
        fields = (self.ino, mode, uid, gid, nlink, 0, len(data), 0, 0,
                  rdev[0], rdev[1], len(encoded), 0)
        self.ino += 1
        self._write(b'070701' + b''.join(b'%08X' % f for f in fields))
        self._write(encoded)
        self._pad()
        self._write(data)
        self._pad()

    def trailer(self):
        self.ino = 0
        self.entry('TRAILER!!!', 0, nlink=1)


def parse_line(w, words, where):
    kind, args = words[0], words[1:]
    want = {'dir': 4, 'file': 5, 'nod': 7, 'slink': 5}
    if kind not in want or len(args) != want[kind]:
        raise ValueError(f'{where}: expected {want.get(kind, "?")} fields for {kind!r}')
    if kind == 'dir':
        name, mode, uid, gid = args
        w.entry(name, stat.S_IFDIR | int(mode, 8), int(uid), int(gid), nlink=2)
    elif kind == 'file':
        name, location, mode, uid, gid = args
        with open(location, 'rb') as f:
            data = f.read()
        w.entry(name, stat.S_IFREG | int(mode, 8), int(uid), int(gid), data)
    elif kind == 'nod':
        name, mode, uid, gid, dev_type, major, minor = args
        if dev_type not in ('c', 'b'):
            raise ValueError(f'{where}: device type must be c or b')
        kind_bits = stat.S_IFCHR if dev_type == 'c' else stat.S_IFBLK
        w.entry(name, kind_bits | int(mode, 8), int(uid), int(gid),
                rdev=(int(major), int(minor)))
    else:
        name, target, mode, uid, gid = args
        w.entry(name, stat.S_IFLNK | int(mode, 8), int(uid), int(gid),
                target.encode())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('-o', '--output', help='archive to write (default: stdout)')
    ap.add_argument('list', help='entries, in gen_init_cpio format')
    opts = ap.parse_args()

    out = open(opts.output, 'wb') if opts.output else sys.stdout.buffer
    try:
        w = CpioWriter(out)
        with open(opts.list) as f:
            for n, line in enumerate(f, 1):
                words = line.split('#', 1)[0].split()
                if words:
                    parse_line(w, words, f'{opts.list}:{n}')
        w.trailer()
    except (OSError, ValueError) as e:
        sys.exit(f'gen_init_cpio.py: {e}')
    finally:
        if opts.output:
            out.close()


if __name__ == '__main__':
    main()
