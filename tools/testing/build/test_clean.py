# SPDX-License-Identifier: GPL-2.0
"""`make clean` removes what the build made and nothing git tracks; a build
rebuilds exactly what a changed header or command reaches.

A scratch clone of the committed tree (git clone --local, so uncommitted
edits are not tested) is built in-tree, cleaned, checked with
`git status`, and built again: the second build is the one that failed
when `make clean` deleted usr/lib/user.lds and
tools/testing/unit/stubs/setup.lds (every *.lds went, sources too).
Between the builds, the header dependencies the compiler wrote (.<obj>.d,
read back by scripts/Makefile.build and usr/Makefile) are put to work.
"""

import os
import subprocess

import pytest


def run(cmd, cwd, **kw):
    r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True, **kw)
    assert r.returncode == 0, f'{" ".join(cmd)} failed in {cwd}:\n{r.stdout[-4000:]}'
    return r.stdout


def git_status(tree):
    """Tracked files changed or deleted, and untracked files not ignored."""
    return run(['git', 'status', '--porcelain', '--untracked-files=all'], tree).splitlines()


@pytest.fixture
def clone(tmp_path, srctree):
    dst = str(tmp_path / 'headstart')
    run(['git', 'clone', '-q', '--local', '--no-checkout', srctree, dst], str(tmp_path))
    head = run(['git', 'rev-parse', 'HEAD'], srctree).strip()
    run(['git', 'checkout', '-q', '--detach', head], dst)
    return dst


def test_clean_keeps_sources(clone, libfdt_dir):
    make = ['make', '-j2', f'LIBFDT_DIR={libfdt_dir}']
    tracked_lds = [f for f in run(['git', 'ls-files'], clone).split() if f.endswith('.lds')]

    run(make, clone)
    assert os.path.isfile(os.path.join(clone, 'arch/arm64/boot/Image'))
    assert os.path.isfile(os.path.join(clone, 'arch/arm64/kernel/vmlinux.lds'))
    assert git_status(clone) == [], 'the build itself left files git does not ignore'

    check_header_dependencies(clone, make)

    run(make + ['clean'], clone)
    assert git_status(clone) == [], '`make clean` deleted or changed tracked files'
    for f in tracked_lds:
        assert os.path.isfile(os.path.join(clone, f)), f'`make clean` deleted {f}'
    # What clean is for: the build's outputs are gone.
    for out in ('vmlinux', 'arch/arm64/boot/Image', 'arch/arm64/kernel/vmlinux.lds',
                'arch/arm64/kernel/head.o', 'usr/initramfs.cpio'):
        assert not os.path.exists(os.path.join(clone, out)), f'`make clean` left {out}'

    # An output directory make has not seen: the .dtb directories must exist
    # before make writes a .cmd file into them (scripts/Kbuild.include).
    out = os.path.join(os.path.dirname(clone), 'out')
    run(make + [f'O={out}', 'dtbs'], clone)
    assert os.path.isfile(os.path.join(out, 'arch/arm64/boot/dts/qemu/virt-gicv3.dtb'))
    assert git_status(clone) == [], '`make O=... dtbs` wrote into the source tree'

    run(make, clone)
    assert os.path.isfile(os.path.join(clone, 'arch/arm64/boot/Image'))


def built(output):
    """The objects a quiet build compiled: `  CC      kernel/time/tick-sched.o`."""
    return {line.split()[1] for line in output.splitlines() if line.startswith('  CC ')}


def check_header_dependencies(tree, make):
    assert built(run(make, tree)) == set(), 'a second build with no change compiled again'

    # kernel/time/tick-sched.c includes <linux/jiffies.h>; lib/string.c does not.
    os.utime(os.path.join(tree, 'include/linux/jiffies.h'))
    again = built(run(make, tree))
    assert 'kernel/time/tick-sched.o' in again
    assert 'lib/string.o' not in again

    # usr/lib/printf.c includes usr/include/stdio.h; the kernel does not.
    os.utime(os.path.join(tree, 'usr/include/stdio.h'))
    again = built(run(make, tree))
    assert 'usr/lib/printf.o' in again
    assert not any(o.startswith(('kernel/', 'init/')) for o in again)

    # A command with the same words in another order is another command:
    # two programs swapped in usr/Kbuild make another initramfs.
    kbuild = os.path.join(tree, 'usr/Kbuild')
    with open(kbuild) as f:
        lines = f.read().split('\n')
    tests = [i for i, line in enumerate(lines) if line.startswith('test-y')]
    lines[tests[0]], lines[tests[1]] = lines[tests[1]], lines[tests[0]]
    with open(kbuild, 'w') as f:
        f.write('\n'.join(lines))
    assert '  GEN     usr/initramfs.cpio' in run(make, tree).splitlines()
    run(['git', 'checkout', '-q', 'usr/Kbuild'], tree)

    check_failed_compile_is_retried(tree, make)


def check_failed_compile_is_retried(tree, make):
    """make writes .<obj>.cmd before the compiler runs (scripts/Kbuild.include),
    and gcc leaves the old object when it fails: the same command again must
    compile again and fail again, not take that object for the new one."""
    bad = make + ['CFLAGS_main.o=-include no-such-header.h']
    for attempt in (1, 2):
        r = subprocess.run(bad, cwd=tree, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
        assert r.returncode != 0, f'attempt {attempt} built with a failing command:\n{r.stdout[-3000:]}'
        assert '  CC      init/main.o' in r.stdout.splitlines(), r.stdout[-3000:]
        assert 'no-such-header.h' in r.stdout
    assert built(run(make, tree)) == {'init/main.o'}
