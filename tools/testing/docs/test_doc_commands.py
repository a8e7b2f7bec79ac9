# SPDX-License-Identifier: GPL-2.0
"""Every shell command the documentation shows runs as written.

doc_commands.py extracts the commands from README.md, Documentation/ and
usr/README.rst. Each must be either run here or listed in SKIP with the
reason it is not (interactive, a second full build, a tool from outside
the project...) and the test that covers it instead: a command added to
the docs fails test_every_command_is_classified until someone decides.

How they run: in bash, from a scratch directory that holds `arch/`, `usr/`
and `vmlinux`/`System.map` of the build (symlinks) and `scripts/`, `tools/`
of the source, so that relative paths work as in the tree; `make` is a
shell function adding `-C <srctree>` (and `O=<build>` for an out-of-tree
build), since the Makefile must run from the source tree; `<build>` in a
command is the build directory; `$EDITOR` makes the edit the text
describes. A command that boots to a prompt or idles is run in a
terminal (pexpect) until it shows what the text says it shows, then ended
with Ctrl-A X; a `make qemu-uboot` is followed by the `=>` lines the text
types at U-Boot's prompt, and a command in TYPED by what it lists.
"""

import os
import re
import shutil
import subprocess

import pexpect
import pytest

import doc_commands

PROMPT = 'headstart:/# '
BOOT_COMPLETE = 'headstart: boot complete, CPU0 idle'

# command (squeezed, comments included) or a regex of it -> why it is not run here
SKIP = {
    'make check # install what is missing, build, run every test': 'runs this test',
    'make check': 'runs this test',
    'make O=/tmp/build # out-of-tree': 'a second full build: check-build and '
                                       'check-llvm build out of tree',
    'make LLVM=1 # clang + ld.lld': 'a second full build: check-llvm',
    'make menuconfig # Kconfig (defconfig: arch/arm64/configs/defconfig)':
        'interactive (kconfig-mconf)',
    "make qemu QEMU_DTB=board.dtb # QEMU's -dtb":
        "board.dtb is the reader's own; the same with QEMU's tree runs from uboot.rst",
    'make qemu-gdb': 'interactive gdb: tools/testing/gdb/test_make_qemu_gdb.py',
    'make qemu-gdb-console': 'needs a running make qemu-gdb: test_make_qemu_gdb.py',
    'make ticket_spinlocks.config && make':
        "turns the build's own kernel into the ticket-lock one and rebuilds it: "
        'check-llvm builds its kernel so and boots it (tools/testing/Makefile)',
    'make O=/tmp/va39 olddefconfig && make O=/tmp/va39':
        'a second full build (after a menuconfig edit); test_memory.py boots 39-bit VAs',
    'make -C /tmp/insncount # insncount.so': 'insncount is not part of the project',
    'make -C /tmp/insncount check # its self-test': 'insncount is not part of the project',
    re.compile(r'.*insncount|python3 - (<<|System\.map profile)'):
        'instruction counting with the insncount plugin, not part of the project',
    re.compile(r'qemu-system-aarch64 .* -s -S &'): 'starts a gdb session: tools/testing/gdb',
    re.compile(r'gdb-multiarch '): 'interactive gdb (or needs a QEMU started just before): '
                                   'tools/testing/gdb',
    re.compile(r'qemu-system-aarch64 .*-S -s'): 'waits for gdb: tools/testing/gdb',
    re.compile(r'make qemu-uboot QEMU_EXTRA="-S -gdb'): 'waits for gdb: tools/testing/gdb',
    re.compile(r'qemu-system-aarch64 .*-bios /usr/lib/u-boot/qemu_arm64/u-boot.bin '
               r'-device loader'): 'the U-Boot session of make qemu-uboot, run below',
    re.compile(r'python3 -c .from bootstub'): 'spans lines inside a quoted string: '
                                              'test_boot.py boots through the stub',
    re.compile(r'qemu-system-aarch64 .* -bios (/tmp/stub\.bin|stub\.bin) '):
        'needs the stub and board.dtb of the line before: test_boot.py, test_memory.py',
    re.compile(r'make -C usr O=<dir>'): 'a synopsis with placeholders: check-usr',
    # Not yet run here (too slow for make check as sessions typed at U-Boot's
    # prompt; see the note in Documentation/dev-tools/testing.rst):
    re.compile(r'^make qemu-uboot'): 'a U-Boot prompt session: tools/testing/uboot runs '
                                     'the same booti commands (test_booti_*)',
    re.compile(r'qemu-system-aarch64 .*disk\.img'): 'needs make disk.img: tools/testing/uboot '
                                                    'test_distro_boot_disk_img boots it',
    re.compile(r'/usr/bin/python3 -m pytest usr/tests'): 'a synopsis: check-usr',
    re.compile(r'qemu-system-aarch64 .*-drive if=virtio,format=raw,file=esp\.img'):
        'needs the ESP the reader made from the steps before it: '
        'tools/testing/efi/test_grub.py boots the same',
    re.compile(r'qemu-system-aarch64 .*-S -gdb tcp::1234'):
        'waits for gdb: tools/testing/gdb/test_gdb_efi.py',
    re.compile(r'^make -C tools/testing/unit '): 'one of the unit tests: check-unit runs it',
    re.compile(r'python3 -m pytest .*tools/testing/(boot|gdb|uboot|unit)/'):
        'one of the test suites: make check runs it',
}

# command regex -> what its output must show (a regex), or 'exit0'
EXPECT = [
    # The KUnit kernel (make kunit): the suite's own result line, not a case's.
    (r'make O=\.kunit qemu MACHINE=raspi3b .*kunit\.filter_glob=smp',
     r'# smp_ipi_round_trip: 4 CPUs answered'),
    (r'make O=\.kunit qemu .*kunit\.filter_glob=hyp_stub"', r'ok 1 hyp_stub\r*\n'),
    (r'make O=\.kunit qemu .*kunit\.filter_glob=head"', r'ok 1 head\r*\n'),
    (r'make qemu .*poweroff', r'reboot: Power down'),
    (r'make qemu QEMU_INITRD=', BOOT_COMPLETE),
    (r'make qemu QEMU_APPEND="console=ttyAMA0 -- /bin/usertests"', r'Run /init as init process'),
    (r'make qemu QEMU_DTB=\$PWD/board\.dtb', r'Machine model: my board'),
    (r'make qemu QEMU_EXTRA="-smp 4"', PROMPT),
    (r'make qemu\b', PROMPT),
    (r'make help', r'qemu-gdb-console'),
    (r'make dtbs|make Image\.gz|make V=1|make #|^make kunit\b', 'exit0'),
    (r'od -An -tx8 -j16 -N8', r'^\s*[0-9a-f]{16}\s*$'),
    (r'test\.crash=null', r'Unable to handle kernel NULL pointer dereference'),
    (r'qemu-system-aarch64 .*dumpdtb=', 'exit0'),
    (r'^dtc |^\$EDITOR', 'exit0'),
    (r'qemu-system-aarch64 .*poweroff', r'reboot: Power down'),
    (r'qemu-system-aarch64 .*QEMU_EFI\.fd .*-initrd usr/initramfs\.cpio', PROMPT),
]

# command regex -> (typed at the prompt, what the answer must show) pairs.
# The answers are computed, so the echo of what was typed cannot match.
TYPED = [
    # issue 10's "a shell that sees 4 CPUs": the scheduler's and /proc's count
    (r'make qemu QEMU_EXTRA="-smp 4"',
     [('echo CPUS=$(nproc):$(grep -c ^processor /proc/cpuinfo):$(grep -c ^cpu[0-9] /proc/stat)',
       r'CPUS=4:4:4'),
      ('taskset -c 3 cat /proc/self/stat | cut -d" " -f39 | sed s/^/ON_CPU/', r'ON_CPU3')]),
]


def skip_reason(cmd):
    for key, reason in SKIP.items():
        if isinstance(key, re.Pattern):
            if key.search(cmd.key):
                return reason
        elif key == cmd.key:
            return reason
    return None


def typed_lines(cmd):
    for rx, lines in TYPED:
        if re.search(rx, cmd.key):
            return lines
    return []


def expectation(cmd):
    for rx, want in EXPECT:
        if re.search(rx, cmd.key):
            return want
    return None


@pytest.fixture(scope='module')
def commands(env):
    return doc_commands.extract(env.srctree)


def test_every_command_is_classified(commands):
    """Each command is run below or skipped for a stated reason."""
    loose = [repr(c) for c in commands if skip_reason(c) is None and expectation(c) is None]
    assert not loose, ('documented commands neither run nor skipped (add them to EXPECT '
                       'or SKIP in ' + __file__ + '):\n' + '\n'.join(loose))
    assert len([c for c in commands if skip_reason(c) is None]) >= 15


@pytest.fixture(scope='module')
def scratch(env):
    path = os.path.join(env.build_dir, '.tmp', 'doc-commands')
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    for name, root in (('arch', env.build_dir), ('vmlinux', env.build_dir),
                       ('System.map', env.build_dir), ('usr', env.build_dir),
                       ('scripts', env.srctree),
                       ('tools', env.srctree)):
        os.symlink(os.path.join(root, name), os.path.join(path, name))
    return path


def _preamble(env):
    o = '' if os.path.realpath(env.build_dir) == os.path.realpath(env.srctree) \
        else f' O={env.build_dir}'
    return (f'make() {{ command make -C {env.srctree}{o} "$@"; }}\n'
            # the edit uboot.rst describes: model = "my board";
            f'export EDITOR={os.path.join(os.path.dirname(os.path.abspath(__file__)), "edit-model")}\n')


def _uboot_lines(env, cmd):
    """The `=> ` lines typed after this make qemu-uboot, up to the next
    shell command of the same file."""
    with open(os.path.join(env.srctree, cmd.path)) as f:
        lines = f.read().split('\n')[cmd.line:]
    typed = []
    for ln in lines:
        s = ln.strip()
        if s.split(' ')[0] in doc_commands.PROGRAMS and ln.startswith('    '):
            break
        if s.startswith('=> '):
            typed.append(s[3:])
    return typed


def _run(env, scratch, cmd, log):
    want = expectation(cmd)
    text = cmd.text.replace('<build>', env.build_dir)
    script = _preamble(env) + text + '\n'
    if want == 'exit0' or not re.search(r'^(make (O=\S+ )?qemu|qemu-system-aarch64)', cmd.key) \
            and want != BOOT_COMPLETE:
        res = subprocess.run(['bash', '-c', script], cwd=scratch, capture_output=True,
                             text=True, timeout=300, stdin=subprocess.DEVNULL)
        log.write(res.stdout + res.stderr)
        assert res.returncode == 0 or (want != 'exit0' and re.search(
            want, res.stdout, re.M)), f'{cmd!r}: exit {res.returncode}\n{res.stderr[-2000:]}'
        if want != 'exit0':
            assert re.search(want, res.stdout, re.M), f'{cmd!r}: no {want!r} in\n{res.stdout}'
        return
    child = pexpect.spawn('bash', ['-c', script], cwd=scratch, encoding='utf-8',
                          timeout=120, env=dict(os.environ, TERM='dumb'))
    child.logfile_read = log
    try:
        if re.match(r'make (O=\S+ )?qemu-uboot', cmd.key):
            child.expect('Hit any key to stop autoboot')
            child.send('\n')
            for typed in _uboot_lines(env, cmd):
                child.expect('=> ')
                child.sendline(typed)
        child.expect(want)
        for line, answer in typed_lines(cmd):
            child.sendline(line)
            child.expect(answer)
            child.expect(want)
    finally:
        if child.isalive():
            try:
                child.sendcontrol('a')
                child.send('x')
                child.expect(pexpect.EOF, timeout=30)
            except (OSError, pexpect.ExceptionPexpect):
                pass
        child.close(force=True)


def test_doc_commands_run(env, commands, scratch):
    """In document order (later commands use files earlier ones made)."""
    failed = []
    log_path = os.path.join(scratch, 'commands.log')
    with open(log_path, 'w') as log:
        for cmd in commands:
            if skip_reason(cmd) is not None:
                continue
            log.write(f'\n### {cmd!r}\n')
            log.flush()
            try:
                _run(env, scratch, cmd, log)
            except (AssertionError, pexpect.ExceptionPexpect, subprocess.SubprocessError) as e:
                failed.append(f'{cmd!r}: {str(e)[:500]}')
    assert not failed, f'(log: {log_path})\n' + '\n\n'.join(failed)
