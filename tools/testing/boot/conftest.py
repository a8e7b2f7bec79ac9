# SPDX-License-Identifier: GPL-2.0
"""pytest configuration and fixtures for headstart's QEMU boot tests.

Boots the built kernel (arch/arm64/boot/Image) on QEMU's arm64 `virt`
machine and checks its serial console, in the style of U-Boot's test/py.

Run from the top of the tree, after building the kernel:

    /usr/bin/python3 -m pytest tools/testing/boot -q

(Debian's pytest and pexpect live in /usr/bin/python3; another python3 on
PATH may lack them.)  Options:

    --build-dir DIR     where Image/vmlinux were built (default: $KBUILD_OUTPUT,
                        else the source tree root)
    --qemu BINARY       default qemu-system-aarch64
    --cross-compile P   prefix of the aarch64 binutils/gcc used to build the
                        boot stub (default: $CROSS_COMPILE or aarch64-linux-gnu-)
    --boot-timeout S    hang detector: seconds any single wait may take (30)

Each test writes its full console transcript, headed by the exact QEMU
command line, to <build-dir>/.tmp/boot-logs/<module>.<test>.log; files a test
builds (patched boot stub, edited DTBs) go to <build-dir>/.tmp/boot-tests/,
so a failing boot can be re-run by hand from the command in its log.
test_harness.py checks this harness itself and needs no kernel.

Fixtures for other suites: `console` (a QemuConsole, killed at teardown),
`qemu_cmd(**kw)` (qemu_console.qemu_command() with the --qemu binary),
`make_console(suffix)` for several per test, `kernel_image`, `vmlinux`,
`kunit_image` (the KUnit kernel, `make kunit`),
`bootstub` (BootStub, see bootstub.py), `boot_probe`, `cpu_ids` and
`cpu_id_regs` (boot harness_probe.S, a stand-in kernel), `virt_dtb(**machine)` (a fresh copy
of QEMU's own DTB for that machine, as a dtb_util.Dtb), `test_dir`.
"""

import os
import re
import shutil

import pytest

import dtb_util
from bootstub import BootStub, Probe
from qemu_console import QEMU, QemuConsole, qemu_command

SRCTREE = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
ARM64_IMAGE_MAGIC = b'ARM\x64'


def pytest_addoption(parser):
    group = parser.getgroup('headstart boot tests')
    group.addoption('--build-dir', default=None,
                    help='kernel build directory (default: $KBUILD_OUTPUT or '
                         'the source tree)')
    group.addoption('--qemu', default=QEMU, help='QEMU binary')
    group.addoption('--cross-compile', default=None,
                    help='cross toolchain prefix for the boot stub')
    group.addoption('--boot-timeout', type=float, default=30.0,
                    help='seconds before a console wait counts as a hang')


class BootEnv:
    """Session-wide settings derived from the command line."""

    def __init__(self, config):
        # getoption() with a default: when pytest is started above this
        # directory, pytest_addoption here may not have run.
        def opt(name, default=None):
            return config.getoption(name, default) or default
        self.build_dir = os.path.abspath(
            opt('--build-dir') or os.environ.get('KBUILD_OUTPUT') or SRCTREE)
        self.qemu = opt('--qemu', QEMU)
        self.cross_compile = (opt('--cross-compile')
                              or os.environ.get('CROSS_COMPILE')
                              or 'aarch64-linux-gnu-')
        self.timeout = opt('--boot-timeout', 30.0)
        self.tmp_dir = os.path.join(self.build_dir, '.tmp', 'boot-tests')
        self.log_dir = os.path.join(self.build_dir, '.tmp', 'boot-logs')


@pytest.fixture(scope='session')
def boot_env(pytestconfig):
    return BootEnv(pytestconfig)


@pytest.fixture(scope='session')
def qemu_cmd(boot_env):
    """qemu_cmd(**kw) -> qemu_command(**kw) using the --qemu binary."""
    return lambda **kw: qemu_command(qemu=boot_env.qemu, **kw)


@pytest.fixture(scope='session')
def kernel_image(boot_env):
    """Path of the kernel Image; the test fails (not skips) if it is
    missing, so a broken build can never look like a green run."""
    path = os.path.join(boot_env.build_dir, 'arch', 'arm64', 'boot', 'Image')
    if not os.path.isfile(path):
        pytest.fail(f'no kernel Image at {path}: build the kernel first '
                    f'(or pass --build-dir)', pytrace=False)
    with open(path, 'rb') as f:
        head = f.read(64)
    if len(head) < 64 or head[56:60] != ARM64_IMAGE_MAGIC:
        pytest.fail(f'{path} has no arm64 Image header (magic "ARM\\x64" at '
                    f'offset 56)', pytrace=False)
    return path


def kunit_build_dir(build_dir):
    """Where the KUnit kernel of a build is: the build itself if its
    .config has CONFIG_KUNIT=y, else its .kunit/ (`make kunit`)."""
    try:
        with open(os.path.join(build_dir, '.config')) as f:
            if 'CONFIG_KUNIT=y\n' in f.read():
                return build_dir
    except FileNotFoundError:
        pass
    return os.path.join(build_dir, '.kunit')


@pytest.fixture(scope='session')
def kunit_image(boot_env):
    """The Image of the KUnit kernel (CONFIG_KUNIT=y): defconfig has no
    suites, as in Linux. Fails, naming the command, if it is not built."""
    path = os.path.join(kunit_build_dir(boot_env.build_dir), 'arch', 'arm64', 'boot', 'Image')
    if not os.path.isfile(path):
        pytest.fail(f'no KUnit kernel at {path}: build it with `make kunit` '
                    f'(make check and make check-boot do)', pytrace=False)
    return path


@pytest.fixture(scope='session')
def busybox_initramfs(boot_env):
    """Debian's busybox as the shell (usr/Makefile): what `make qemu` boots."""
    path = os.path.join(boot_env.build_dir, 'usr', 'initramfs-busybox.cpio')
    assert os.path.exists(path), f'{path} missing: run `make` (it builds usr/) first'
    return path


@pytest.fixture(scope='session')
def vmlinux(boot_env):
    path = os.path.join(boot_env.build_dir, 'vmlinux')
    if not os.path.isfile(path):
        pytest.fail(f'no vmlinux at {path}', pytrace=False)
    return path


@pytest.fixture(scope='session')
def bootstub(boot_env):
    return BootStub(os.path.join(boot_env.tmp_dir, 'bin'), boot_env.cross_compile)


@pytest.fixture(scope='session')
def probe(boot_env):
    return Probe(os.path.join(boot_env.tmp_dir, 'bin'), boot_env.cross_compile)


def _test_name(node):
    """<module>.<test[params]> made safe for a file name."""
    module = os.path.splitext(os.path.basename(node.nodeid.split('::')[0]))[0]
    return re.sub(r'[^A-Za-z0-9_.,=+\[\]-]', '_', f'{module}.{node.name}')


@pytest.fixture
def test_dir(request, boot_env):
    """An empty directory for this test's files (kept after the run)."""
    path = os.path.join(boot_env.tmp_dir, _test_name(request.node))
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


@pytest.fixture
def make_console(request, boot_env):
    """make_console(suffix='') -> a new QemuConsole logging to this test's
    log file (<name><suffix>.log); all are killed at teardown."""
    consoles = []
    request.node.boot_consoles = consoles

    def make(suffix='', **kwargs):
        path = os.path.join(boot_env.log_dir,
                            _test_name(request.node) + suffix + '.log')
        if os.path.exists(path):
            os.unlink(path)
        kwargs.setdefault('timeout', boot_env.timeout)
        con = QemuConsole(path, title=request.node.nodeid, **kwargs)
        consoles.append(con)
        return con

    yield make
    for con in consoles:
        con.kill()


@pytest.fixture
def console(make_console):
    return make_console()


PROBE_AT = 0x40200000


@pytest.fixture
def boot_probe(console, qemu_cmd, bootstub, probe, test_dir):
    """boot_probe(message='', hang=False, regs=(x0, x1, x2, x3), con=None,
    **machine): start harness_probe.S through the boot stub on `con`
    (default: the `console` fixture) and return that console."""
    count = iter(range(1000))

    def boot(message='', hang=False, regs=(0x48000000, 0, 0, 0), con=None,
             **machine):
        con = console if con is None else con
        n = next(count)
        stub = bootstub.image(os.path.join(test_dir, f'probe-stub{n}.bin'),
                              PROBE_AT, *regs)
        img = probe.image(os.path.join(test_dir, f'probe{n}.bin'), message, hang)
        con.start(qemu_cmd(bios=stub, loaders=[(img, PROBE_AT)], **machine))
        return con
    return boot


@pytest.fixture
def cpu_ids(boot_probe, make_console):
    """cpu_ids(**machine) -> (MIDR_EL1, MPIDR_EL1) of CPU 0 as QEMU
    models it, read by the probe (not by the kernel under test)."""
    def ids(**machine):
        con = boot_probe(con=make_console('.probe'), **machine)
        midr = con.expect(re.compile(r'probe: midr=([0-9a-f]{16})'))
        mpidr = con.expect(re.compile(r'probe: mpidr=([0-9a-f]{16})'))
        assert con.wait_exit() == 0
        return int(midr.match.group(1), 16), int(mpidr.match.group(1), 16)
    return ids


@pytest.fixture
def cpu_id_regs(boot_probe, make_console):
    """cpu_id_regs(**machine) -> {'id_aa64pfr0': value, ...}: the ID
    registers user-visible CPU features derive from (PFR0/1, ISAR0/1,
    MMFR2), read by the probe on CPU 0 of QEMU's model of that CPU."""
    def regs(**machine):
        con = boot_probe(con=make_console('.idregs'), **machine)
        found = {}
        for name in ('id_aa64pfr0', 'id_aa64pfr1', 'id_aa64isar0', 'id_aa64isar1',
                     'id_aa64mmfr2'):
            line = con.expect(re.compile(rf'probe: {name}=([0-9a-f]{{16}})'))
            found[name] = int(line.match.group(1), 16)
        assert con.wait_exit() == 0
        return found
    return regs


@pytest.fixture(scope='session')
def _dtb_cache(boot_env):
    cache = {}
    cache_dir = os.path.join(boot_env.tmp_dir, 'qemu-dtbs')
    os.makedirs(cache_dir, exist_ok=True)

    def get(**machine):
        key = tuple(sorted(machine.items()))
        if key not in cache:
            name = '_'.join(f'{k}-{v}' for k, v in key) or 'default'
            path = os.path.join(cache_dir, re.sub(r'[^\w.=-]', '_', name) + '.dtb')
            cache[key] = dtb_util.dump_qemu_dtb(path, qemu=boot_env.qemu,
                                                **machine)
        return cache[key]
    return get


@pytest.fixture
def virt_dtb(_dtb_cache, test_dir):
    """virt_dtb(name='board.dtb', **machine) -> a Dtb in test_dir holding
    QEMU's own device tree for that machine (qemu_command() keywords)."""
    def make(name='board.dtb', **machine):
        src = _dtb_cache(**machine)
        return dtb_util.Dtb(src).copy(os.path.join(test_dir, name))
    return make


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On failure, show where each console's log is and how to re-run it."""
    outcome = yield
    report = outcome.get_result()
    if report.when != 'call' or not report.failed:
        return
    for con in getattr(item, 'boot_consoles', []):
        if con.argv:
            report.sections.append(
                ('QEMU console', f'log:  {con.log_path}\ncmd:  {con.command_line}'))
