# SPDX-License-Identifier: GPL-2.0
"""pytest configuration for the U-Boot boot tests (test_uboot.py).

Boots the kernel through Debian's U-Boot for QEMU (u-boot-qemu:
/usr/lib/u-boot/qemu_arm64/u-boot.bin as -bios), typing at U-Boot's prompt
with pexpect, on the console harness of tools/testing/boot
(qemu_console.py, imported from there, not copied).

    /usr/bin/python3 -m pytest tools/testing/uboot --build-dir=DIR

needs DIR to hold what `make O=DIR all Image.gz image.fit disk.img dtbs`
builds. Logs go to DIR/.tmp/uboot-logs/<test>.log (each headed by its QEMU
command line), files a test makes to DIR/.tmp/uboot-tests/<test>/.
"""

import os
import re
import shutil
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SRCTREE = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
sys.path.insert(0, os.path.join(SRCTREE, 'tools', 'testing', 'boot'))

from qemu_console import DEFAULT_BAD_PATTERNS, QEMU, QemuConsole  # noqa: E402
from uboot import UBOOT_BIN, UBOOT_BAD_PATTERNS  # noqa: E402


def pytest_addoption(parser):
    group = parser.getgroup('headstart U-Boot tests')
    for name, kw in (('--build-dir', dict(default=None, help='kernel build directory')),
                     ('--qemu', dict(default=QEMU, help='QEMU binary')),
                     ('--uboot', dict(default=UBOOT_BIN, help='U-Boot for QEMU arm64')),
                     ('--boot-timeout', dict(type=float, default=30.0,
                                             help='seconds a console wait may take'))):
        try:
            group.addoption(name, **kw)
        except ValueError:      # already added by another suite's conftest
            pass


class Env:
    def __init__(self, config):
        def opt(name, default=None):
            return config.getoption(name, default) or default
        self.build_dir = os.path.abspath(
            opt('--build-dir') or os.environ.get('KBUILD_OUTPUT') or SRCTREE)
        self.qemu = opt('--qemu', QEMU)
        self.uboot = opt('--uboot', UBOOT_BIN)
        self.timeout = opt('--boot-timeout', 30.0)
        self.boot_dir = os.path.join(self.build_dir, 'arch', 'arm64', 'boot')
        self.usr_dir = os.path.join(self.build_dir, 'usr')  # usr/ programs
        self.tmp_dir = os.path.join(self.build_dir, '.tmp', 'uboot-tests')
        self.log_dir = os.path.join(self.build_dir, '.tmp', 'uboot-logs')

    def artifact(self, rel):
        """A file of the build; the test fails (never skips) without it."""
        path = os.path.join(self.boot_dir, rel)
        if not os.path.isfile(path):
            pytest.fail(f'{path} missing: run make O={self.build_dir} all '
                        f'Image.gz image.fit disk.img dtbs', pytrace=False)
        return path


@pytest.fixture(scope='session')
def env(pytestconfig):
    e = Env(pytestconfig)
    if not os.path.isfile(e.uboot):
        pytest.fail(f'no U-Boot at {e.uboot}: install u-boot-qemu '
                    f'(make deps-test)', pytrace=False)
    return e


def _name(node):
    return re.sub(r'[^A-Za-z0-9_.,=+\[\]-]', '_', node.name)


@pytest.fixture
def test_dir(request, env):
    path = os.path.join(env.tmp_dir, _name(request.node))
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


@pytest.fixture
def console(request, env):
    """A QemuConsole that also fails on U-Boot's error messages."""
    path = os.path.join(env.log_dir, _name(request.node) + '.log')
    if os.path.exists(path):
        os.unlink(path)
    con = QemuConsole(path, timeout=env.timeout, title=request.node.nodeid,
                      bad_patterns={**DEFAULT_BAD_PATTERNS, **UBOOT_BAD_PATTERNS})
    request.node.boot_console = con
    yield con
    con.kill()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    con = getattr(item, 'boot_console', None)
    if report.when == 'call' and report.failed and con is not None and con.argv:
        report.sections.append(('QEMU console',
                                f'log:  {con.log_path}\ncmd:  {con.command_line}'))
