# SPDX-License-Identifier: GPL-2.0
"""pytest configuration for the UEFI boot tests: the Image started as an
EFI application by EDK2 (Debian's qemu-efi-aarch64), by U-Boot's bootefi
and distro boot (u-boot-qemu), and by GRUB (grub-efi-arm64-bin's modules,
grub-mkstandalone) under EDK2. See Documentation/arm64/uefi.rst.

    /usr/bin/python3 -m pytest tools/testing/efi --build-dir=DIR

DIR holds what `make O=DIR all dtbs` builds (Image, usr/initramfs.cpio, the
QEMU virt DTBs). The
console harness is tools/testing/boot's (qemu_console.py), the U-Boot
driver tools/testing/uboot's (uboot.py), imported from there. Logs go to
DIR/.tmp/efi-logs/<test>.log, files a test makes (ESP disk images, GRUB)
to DIR/.tmp/efi-tests/<test>/. --grub-dir is where scripts/install-deps
unpacked grub-efi-arm64-bin:arm64 (default: .deps/grub-arm64 in the
source tree).
"""

import os
import re
import shutil
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SRCTREE = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
sys.path.insert(0, os.path.join(SRCTREE, 'tools', 'testing', 'boot'))
sys.path.insert(0, os.path.join(SRCTREE, 'tools', 'testing', 'uboot'))

from qemu_console import DEFAULT_BAD_PATTERNS, QEMU, QemuConsole  # noqa: E402
from uboot import UBOOT_BIN, UBOOT_BAD_PATTERNS  # noqa: E402

EDK2_BIN = '/usr/share/qemu-efi-aarch64/QEMU_EFI.fd'
GRUB_DIR = os.path.join(SRCTREE, '.deps', 'grub-arm64')


def pytest_addoption(parser):
    group = parser.getgroup('headstart UEFI tests')
    for name, kw in (('--build-dir', dict(default=None, help='kernel build directory')),
                     ('--qemu', dict(default=QEMU, help='QEMU binary')),
                     ('--uboot', dict(default=UBOOT_BIN, help='U-Boot for QEMU arm64')),
                     ('--edk2', dict(default=EDK2_BIN, help='EDK2 firmware (QEMU_EFI.fd)')),
                     ('--grub-dir', dict(default=GRUB_DIR,
                                         help='unpacked grub-efi-arm64-bin:arm64')),
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
        self.edk2 = opt('--edk2', EDK2_BIN)
        self.grub_dir = opt('--grub-dir', GRUB_DIR)
        # EDK2 under TCG takes several seconds per phase on a loaded host
        self.timeout = max(opt('--boot-timeout', 30.0), 60.0)
        self.tmp_dir = os.path.join(self.build_dir, '.tmp', 'efi-tests')
        self.log_dir = os.path.join(self.build_dir, '.tmp', 'efi-logs')

    def artifact(self, rel):
        """A file of the build; the test fails (never skips) without it."""
        path = os.path.join(self.build_dir, rel)
        if not os.path.isfile(path):
            pytest.fail(f'{path} missing: run make O={self.build_dir} all dtbs', pytrace=False)
        return path


@pytest.fixture(scope='session')
def env(pytestconfig):
    e = Env(pytestconfig)
    for what, path, pkg in (('EDK2', e.edk2, 'qemu-efi-aarch64'),
                            ('U-Boot', e.uboot, 'u-boot-qemu')):
        if not os.path.isfile(path):
            pytest.fail(f'no {what} at {path}: install {pkg} (make deps-test)',
                        pytrace=False)
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
