# SPDX-License-Identifier: GPL-2.0
"""What the scripts need from vmlinux, read from the ELF file itself: the
sections the image is made of and the symbol table, both at their link-time
(virtual) addresses. Plain struct parsing of the ELF64 little-endian format,
so it works whatever symbols gdb has loaded at the moment."""

import struct

SHT_SYMTAB = 2
SHT_NOBITS = 8
SHF_ALLOC = 0x2
STT_OBJECT = 1
STT_FUNC = 2


class Section:
    def __init__(self, name, addr, offset, size, sh_type):
        self.name = name
        self.addr = addr
        self.offset = offset
        self.size = size
        self.type = sh_type

    def __repr__(self):
        return f'Section({self.name}, {self.addr:#x}, {self.size:#x})'


class Vmlinux:
    """Sections and symbols of one vmlinux."""

    def __init__(self, path):
        self.path = path
        with open(path, 'rb') as f:
            self._data = f.read()
        d = self._data
        if d[:4] != b'\x7fELF' or d[4] != 2 or d[5] != 1:
            raise ValueError(f'{path}: not a little-endian ELF64 file')
        (shoff,) = struct.unpack_from('<Q', d, 0x28)
        shentsize, shnum, shstrndx = struct.unpack_from('<HHH', d, 0x3a)
        raw = [struct.unpack_from('<IIQQQQIIQQ', d, shoff + i * shentsize)
               for i in range(shnum)]
        strtab = raw[shstrndx]

        def name_at(table, off):
            start = table[4] + off
            return d[start:d.index(b'\0', start)].decode()

        self.sections = []
        symtab = None
        for sh in raw:
            name, sh_type, flags, addr, offset, size, link = sh[:7]
            sec = Section(name_at(strtab, name), addr, offset, size, sh_type)
            if flags & SHF_ALLOC and size:
                self.sections.append(sec)
            if sh_type == SHT_SYMTAB:
                symtab = (sh, raw[link])
        self.symbols = {}
        self.typed = set()      # functions and objects, not labels
        self.function_starts = set()    # link addresses of the functions
        if symtab:
            sh, strs = symtab
            offset, size, entsize = sh[4], sh[5], sh[9]
            for i in range(size // entsize):
                st_name, info, _other, shndx, value, st_size = struct.unpack_from(
                    '<IBBHQQ', d, offset + i * entsize)
                if st_name and shndx:
                    name = name_at(strs, st_name)
                    self.symbols.setdefault(name, (value, st_size))
                    if info & 0xf in (STT_OBJECT, STT_FUNC):
                        self.typed.add(name)
                    if info & 0xf == STT_FUNC:
                        self.function_starts.add(value)

    @property
    def text_va(self):
        """Link address of _text, the first byte of the Image."""
        if '_text' in self.symbols:
            return self.symbols['_text'][0]
        return min(s.addr for s in self.sections)

    def symbolize(self, addr):
        """'name+0xoff' for the symbol holding addr: a function or object
        whose size covers it, else the nearest label at or below it."""
        best = None
        for name, (value, size) in self.symbols.items():
            if value > addr or (size and addr >= value + size):
                continue
            if not size and addr != value and name not in self.typed:
                continue
            key = (name in self.typed and size > 0, value)
            if best is None or key > best[0]:
                best = (key, name, value)
        return f'{best[1]}+{addr - best[2]:#x}' if best else None

    def symbol(self, name):
        """(address, size) of a symbol; KeyError if vmlinux has none."""
        return self.symbols[name]

    def section(self, name):
        for s in self.sections:
            if s.name == name:
                return s
        raise KeyError(name)

    def image_header(self):
        """The 64-byte Image header, as it is in the Image file and so in
        memory wherever the loader put it."""
        head = self.section('.head.text')
        return self._data[head.offset:head.offset + 64]

    def contents(self, va, size):
        """The file's bytes at link address va (a loaded section only)."""
        for s in self.sections:
            if s.type != SHT_NOBITS and s.addr <= va and va + size <= s.addr + s.size:
                off = s.offset + va - s.addr
                return self._data[off:off + size]
        raise KeyError(f'{va:#x} is in no loaded section')

    def words(self, va, size):
        """The 32-bit little-endian words (instructions) at link address va."""
        data = self.contents(va, size)
        return [int.from_bytes(data[i:i + 4], 'little') for i in range(0, len(data) - 3, 4)]
