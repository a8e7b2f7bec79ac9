# SPDX-License-Identifier: GPL-2.0
"""`make clean` removes what the build made and nothing git tracks.

A scratch clone of the committed tree (git clone --local, so uncommitted
edits are not tested) is built in-tree, cleaned, checked with
`git status`, and built again: the second build is the one that failed
when `make clean` deleted usr/lib/user.lds and
tools/testing/unit/stubs/setup.lds (every *.lds went, sources too).
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

    run(make + ['clean'], clone)
    assert git_status(clone) == [], '`make clean` deleted or changed tracked files'
    for f in tracked_lds:
        assert os.path.isfile(os.path.join(clone, f)), f'`make clean` deleted {f}'
    # What clean is for: the build's outputs are gone.
    for out in ('vmlinux', 'arch/arm64/boot/Image', 'arch/arm64/kernel/vmlinux.lds',
                'arch/arm64/kernel/head.o', 'usr/initramfs.cpio'):
        assert not os.path.exists(os.path.join(clone, out)), f'`make clean` left {out}'

    run(make, clone)
    assert os.path.isfile(os.path.join(clone, 'arch/arm64/boot/Image'))
