# SPDX-License-Identifier: GPL-2.0
"""usr/Makefile: kbuild-style output, outputs only under O=, and programs
laid out as the kernel's ELF loader expects (static arm64, W^X segments)."""

import os
import re
import shutil
import struct
import subprocess

from conftest import BIN, SRCTREE, TESTS, USR, make_usr

PT_LOAD, PT_DYNAMIC, PT_INTERP = 1, 2, 3
PF_X, PF_W, PF_R = 1, 2, 4


def programs(build):
    return ([os.path.join(build, 'init', 'init')] +
            [os.path.join(build, 'bin', p) for p in BIN] +
            [os.path.join(build, 'test', t) for t in TESTS])


def elf_segments(path):
    with open(path, 'rb') as f:
        data = f.read()
    assert data[:4] == b'\x7fELF', path
    assert data[4] == 2 and data[5] == 1, 'ELF64 little-endian'
    e_type, e_machine = struct.unpack_from('<HH', data, 16)
    e_entry, e_phoff = struct.unpack_from('<QQ', data, 24)
    e_phentsize, e_phnum = struct.unpack_from('<HH', data, 54)
    segs = []
    for i in range(e_phnum):
        segs.append(struct.unpack_from('<IIQQQQQQ', data, e_phoff + i * e_phentsize))
    return e_type, e_machine, e_entry, segs


def test_programs_are_static_arm64_with_wx_separate_segments(usr_build):
    for path in programs(usr_build):
        e_type, machine, entry, segs = elf_segments(path)
        name = os.path.relpath(path, usr_build)
        assert e_type == 2 and machine == 183, f'{name}: ET_EXEC for EM_AARCH64'
        types = [s[0] for s in segs]
        assert PT_INTERP not in types and PT_DYNAMIC not in types, f'{name}: static'
        loads = [s for s in segs if s[0] == PT_LOAD]
        flags = sorted(s[1] for s in loads)
        assert flags == [PF_R | PF_X, PF_R | PF_W], f'{name}: text R-X, data RW-'
        for _, fl, off, vaddr, _, filesz, memsz, align in loads:
            assert not (fl & PF_W and fl & PF_X), f'{name}: W^X'
            assert align == 4096 and off % 4096 == vaddr % 4096, f'{name}: 4K pages'
            assert memsz >= filesz and vaddr >= 0x400000
            if fl & PF_X:
                assert vaddr <= entry < vaddr + memsz, f'{name}: entry in text'


def test_quiet_output_then_nothing_to_do(tmp_path):
    out = tmp_path / 'usr'
    first = make_usr(str(out))
    assert first.returncode == 0, first.stdout
    lines = [l for l in first.stdout.splitlines() if not l.startswith('make')]
    assert lines, 'a build prints its steps'
    for line in lines:
        assert re.fullmatch(r'  (CC|AS|AR|LD|GEN) {5,6}usr/\S+', line), line
    assert '  GEN     usr/initramfs.cpio' in lines
    assert '  CC      usr/lib/printf.o' in lines
    again = make_usr(str(out))
    assert [l for l in again.stdout.splitlines() if not l.startswith('make')] == []


def test_verbose_prints_commands(tmp_path):
    r = make_usr(str(tmp_path / 'usr'), 'V=1')
    assert r.returncode == 0, r.stdout
    assert re.search(r'gcc .*-mgeneral-regs-only.* -c -o \S+/lib/printf\.o', r.stdout)
    assert '  CC      usr/lib/printf.o' not in r.stdout


def test_header_change_rebuilds_its_users(tmp_path):
    """On a copy of the sources, so that no other build goes stale."""
    src = tmp_path / 'src'
    shutil.copytree(USR, src / 'usr', ignore=shutil.ignore_patterns('__pycache__'))
    (src / 'scripts').mkdir()
    shutil.copy(os.path.join(SRCTREE, 'scripts', 'Kbuild.include'), src / 'scripts')
    # The numbers user space shares with the kernel (errno, signals, syscalls).
    shutil.copytree(os.path.join(SRCTREE, 'include', 'uapi'), src / 'include' / 'uapi')
    out = str(tmp_path / 'out')
    make = ['make', '-C', str(src / 'usr'), f'O={out}']
    assert subprocess.run(make, capture_output=True).returncode == 0
    os.utime(src / 'usr' / 'include' / 'sys' / 'sysinfo.h')
    r = subprocess.run(make, capture_output=True, text=True)
    rebuilt = {l.split()[-1] for l in r.stdout.splitlines() if l.startswith('  CC')}
    assert 'usr/bin/free.o' in rebuilt and 'usr/lib/printf.o' not in rebuilt


def test_llvm_build_replaces_every_object(tmp_path):
    """A changed command line (clang for gcc) rebuilds everything, and clang +
    ld.lld give programs of the same shape."""
    out = str(tmp_path / 'usr')
    assert make_usr(out).returncode == 0
    r = make_usr(out, 'LLVM=1')
    assert r.returncode == 0, r.stdout
    compiled = [l for l in r.stdout.splitlines() if l.startswith(('  CC', '  AS'))]
    sources = [f for d in ('lib', 'bin', 'init', 'selftests')
               for f in os.listdir(os.path.join(USR, d)) if f.endswith(('.c', '.S'))]
    assert len(compiled) == len(sources)
    test_programs_are_static_arm64_with_wx_separate_segments(out)


def source_snapshot():
    """Every file under usr/ with its size and modification time."""
    snap = {}
    for dirpath, _, files in os.walk(USR):
        if '__pycache__' in dirpath:
            continue
        for f in files:
            st = os.stat(os.path.join(dirpath, f))
            snap[os.path.join(dirpath, f)] = (st.st_size, st.st_mtime_ns)
    return snap


def test_out_of_tree_build_leaves_source_alone(tmp_path):
    """A build with O= elsewhere writes nothing under usr/. (An in-tree
    `make` at the top builds with O=usr on purpose; its outputs are in
    .gitignore, and this compares before and after, so they do not count.)"""
    before = source_snapshot()
    r = make_usr(str(tmp_path / 'usr'))
    assert r.returncode == 0, r.stdout
    after = source_snapshot()
    assert after == before, sorted(set(after.items()) ^ set(before.items()))


def test_kernel_build_directory_is_refused(tmp_path):
    (tmp_path / '.config').write_text('CONFIG_ARM64=y\n')
    r = make_usr(str(tmp_path))
    assert r.returncode != 0
    assert 'is a kernel build directory' in r.stdout


def test_clean_removes_only_its_own_files(tmp_path):
    out = tmp_path / 'usr'
    assert make_usr(str(out)).returncode == 0
    (out / 'lib' / 'keep.txt').write_text('not ours\n')
    assert make_usr(str(out), 'clean').returncode == 0
    left = sorted(str(p.relative_to(out)) for p in out.rglob('*') if p.is_file())
    assert left == ['lib/keep.txt']
