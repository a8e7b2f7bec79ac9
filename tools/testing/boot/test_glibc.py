# SPDX-License-Identifier: GPL-2.0
"""glibc programs on the real kernel: tools/testing/glibc/*.c, built with
Debian's aarch64-linux-gnu-gcc -static against glibc (libc6-dev-arm64-cross),
each booted as the program /init runs (`-- /bin/<name>`), printing KTAP.

  * signals: handlers and Linux's rt_sigframe (siginfo, ucontext, fpsimd
    and esr records), SA_SIGINFO/RESTART/ONSTACK/RESETHAND/NODEFER,
    sigaltstack, masks, sigpending, sigtimedwait with queued real-time
    signals, alarm/setitimer and sigsuspend, SIGCHLD, default actions,
    stop/continue and waitpid(WUNTRACED/WCONTINUED), bad input;
  * threads: pthread_create/join, TLS, gettid, mutexes and condition
    variables under preemption, futex wait/wake/bitset/timeouts/requeue,
    exit vs exit_group, signals to threads and processes, execve from a
    threaded process, set_robust_list, the working directory and umask
    threads share (CLONE_FS); once more on 4 CPUs of multi-threaded TCG;
  * clocks: CLOCK_REALTIME from the PL031 RTC, gettimeofday, clock_settime,
    settimeofday, clock_getres, getrandom, AT_HWCAP, the setuid family,
    groups, umask, resource limits and usage, kill's permission check;
  * vdso: AT_SYSINFO_EHDR's ELF image and its LINUX_2.6.39 symbols, its
    clocks between two system calls' readings, monotonic, fallbacks, the
    read-only [vvar] page, fork; with --pmu (one CPU) the PMU's EL1-only
    instruction count shows glibc's clock_gettime/gettimeofday make no
    system call; with --threads (two CPUs) readings handed between threads
    never go back;
  * restart: nanosleep and clock_nanosleep stopped by SIGSTOP resume to
    their deadline after SIGCONT (restart_syscall), a handler ends them
    with EINTR and the time left, restart_syscall alone gives EINTR;
  * waitid: P_PID, P_PGID, P_ALL with WEXITED, WSTOPPED, WCONTINUED,
    WNOHANG, WNOWAIT, the siginfo and rusage, bad input;
  * sigqueue: rt_sigqueueinfo/rt_tgsigqueueinfo values to handlers, threads
    and sigtimedwait in order, Linux's permission and no-forgery rules;
  * clone3: a fork through it, CLONE_PARENT_SETTID/CHILD_SETTID, a larger
    struct with a zero tail, the arguments it refuses;
  * jobctl: sessions and process groups (setsid, setpgid, getpgid, getsid
    and their errors), the controlling tty (tcsetpgrp, TIOCSCTTY,
    TIOCNOTTY, acquiring by open, /dev/tty), SIGTTIN/SIGTTOU for background
    groups, orphaned groups, the hangup when a session leader exits
    (SIGHUP to the foreground, EOF/EIO on the tty's files), termios,
    window size, bad ioctl arguments;
  * mmap: anonymous and file mappings (MAP_PRIVATE, MAP_SHARED across
    mappers, read() and fork), offsets, EACCES/EINVAL/ENODEV/EBADF, SIGBUS
    past the end of a file, partial munmap, mremap, madvise, msync, mprotect;
  * mmshare: what is shared and when a page is copied: anonymous MAP_SHARED
    across fork (munmap, exit, mremap, MADV_DONTNEED), mmap of /dev/zero
    (private: anonymous; shared: across fork), a file's MAP_SHARED
    between two mmaps, MAP_PRIVATE of a file copied at the first write
    (file writes show until then), with fork, a moving buffer, truncation,
    mprotect and the kernel's writes; exec's data and .bss;
  * fileio: stdio and POSIX file I/O on the writable root: lseek, holes,
    pread/pwrite, O_APPEND/O_EXCL/O_TRUNC, ftruncate, rename, unlink while
    open, readdir;
  * mm_threads (4 CPUs, multi-threaded TCG): four threads of one process
    fault, map, re-protect and unmap memory together, fork and read
    /proc/self/maps meanwhile, and see an unmapped or write-protected page
    fault on every CPU (the mmap lock, the page-table lock, broadcast TLB
    invalidation); `make soak` runs it 40 times over;
  * futex: FUTEX_WAKE_OP's operations and comparisons, requeue, bitsets,
    FUTEX_CLOCK_REALTIME, the PI ops and glibc's PTHREAD_PRIO_INHERIT
    mutex, robust mutexes whose owner dies (EOWNERDEAD);
  * ttyioctl: TIOCSTI (own tty, root, -EPERM), TIOCEXCL/TIOCNXCL/TIOCGEXCL
    (-EBUSY for others' opens), TIOCGDEV, TIOCCONS (moving /dev/console's
    output, undoing it, -EBUSY/-EBADF/-EPERM), vhangup (the session's tty
    hung up, -EPERM for others), bad pointers;
  * execthread: execve from a second thread (the pid stays, the other
    threads go, the parent's waitpid gets the new program's status), after
    the first thread exited, from the first thread, from two at once;
  * pshared: futexes shared between processes (kernel/futex.c's keys):
    raw wait/wake, requeue and wake_op across fork in anonymous MAP_SHARED
    memory and /dev/zero's, glibc's PTHREAD_PROCESS_SHARED mutex and
    condition variable, sem_t, robust and PI mutexes between processes, a
    raw PI lock whose owner process exits (also after unmapping it), a
    /tmp file mapped by two processes (shared, and private read-only or
    writable), a private futex staying private, EFAULT; each wait has a
    deadline, so a wake-up that does not cross fails the case, not hangs;
  * txtbsy: ETXTBSY for a program being run (open for writing, truncate,
    also while a forked child of it runs) and for execve of a file, a
    script or a script's interpreter open for writing.

Every program runs once more on 4 CPUs of multi-threaded TCG.

Every planned case must print `ok`, and the program must exit 0.
"""

import os
import re
import subprocess

import pytest

from test_kunit import ICOUNT
from test_user import ktap_results, newc_archive

SRCTREE = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))


@pytest.fixture(scope='module')
def glibc_dir(boot_env):
    out = os.path.join(boot_env.build_dir, '.tmp', 'glibc')
    subprocess.run(['make', '-s', '-C', os.path.join(SRCTREE, 'tools', 'testing', 'glibc'),
                    f'O={out}', f'CROSS_COMPILE={boot_env.cross_compile}'], check=True)
    return out


@pytest.fixture(scope='module')
def init_prog(boot_env):
    path = os.path.join(boot_env.build_dir, 'usr', 'init', 'init')
    assert os.path.exists(path), f'{path} missing: run `make` (it builds usr/) first'
    with open(path, 'rb') as f:
        return f.read()


def glibc_initrd(tmp_path, init_prog, glibc_dir, name):
    """An initramfs with the project's init and tools/testing/glibc/<name>
    as /bin/<name>; returns its path."""
    with open(os.path.join(glibc_dir, name), 'rb') as f:
        prog = f.read()
    initrd = tmp_path / 'initrd'
    initrd.write_bytes(newc_archive([
        ('bin', 0o040755), ('dev', 0o040755), ('dev/console', 0o020600, b'', (5, 1)),
        ('init', 0o100755, init_prog), (f'bin/{name}', 0o100755, prog)]))
    return initrd


def run_program(console, qemu_cmd, kernel_image, tmp_path, init_prog, glibc_dir, name,
                args='', smp=None, accel=ICOUNT, timeout=120):
    initrd = glibc_initrd(tmp_path, init_prog, glibc_dir, name)
    console.start(qemu_cmd(kernel=kernel_image, memory='256M', smp=smp,
                           append=f'console=ttyAMA0 poweroff -- /bin/{name} {args}'.rstrip(),
                           extra=['-initrd', str(initrd)] + accel))
    lines = console.read_until_exit(timeout=timeout)
    assert console.exitstatus == 0
    return [ln.text for ln in lines]


@pytest.mark.parametrize('name', ['signals', 'threads', 'clocks', 'restart', 'waitid',
                                  'sigqueue', 'clone3', 'jobctl', 'vfork', 'mmap', 'mmshare',
                                  'fileio', 'links', 'futex', 'execthread', 'pshared',
                                  'txtbsy', 'ttyioctl'])
def test_glibc_program(console, qemu_cmd, kernel_image, tmp_path, init_prog, glibc_dir, name):
    texts = run_program(console, qemu_cmd, kernel_image, tmp_path, init_prog, glibc_dir, name)
    assert not [t for t in texts if t.startswith('not ok')], texts
    results = ktap_results(texts)
    failed = [case for case, res in results.items() if res != 'ok']
    assert not failed, f'{name}: failed {failed}'
    assert f'init: /bin/{name} exited with status 0' in texts
    # The boot set the wall clock from the RTC and seeded getrandom (QEMU
    # virt has a PL031 and puts 32 bytes in /chosen/rng-seed).
    assert any(re.fullmatch(r'rtc-pl031 9010000\.pl031: setting system clock to '
                            r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d UTC \(\d+\)', t) for t in texts)
    assert 'random: crng init done' in texts
    summary = [t for t in texts if t.startswith(f'# {name}: ')]
    assert summary and re.fullmatch(rf'# {name}: pass:(\d+) fail:0 skip:0 total:\1', summary[-1])


def check_ktap(texts, name):
    assert not [t for t in texts if t.startswith('not ok')], texts
    failed = [case for case, res in ktap_results(texts).items() if res != 'ok']
    assert not failed, f'{name}: failed {failed}'
    assert f'init: /bin/{name} exited with status 0' in texts
    summary = [t for t in texts if t.startswith(f'# {name}: ')]
    assert summary and re.fullmatch(rf'# {name}: pass:(\d+) fail:0 skip:0 total:\1', summary[-1])
    return int(re.match(rf'# {name}: pass:(\d+)', summary[-1]).group(1))


# Timers on 4 CPUs: alarm, setitimer, nanosleep, sigtimedwait and their
# restarts, armed on whichever CPU the program runs on (each CPU has its
# own hrtimer queue, kernel/time/hrtimer.c). Under -icount, as at -smp 1
# above, so that their timing checks see guest time only.
@pytest.mark.parametrize('name', ['signals', 'restart'])
def test_glibc_timers_smp4(console, qemu_cmd, kernel_image, tmp_path, init_prog, glibc_dir,
                           name):
    texts = run_program(console, qemu_cmd, kernel_image, tmp_path, init_prog, glibc_dir, name,
                        smp=4)
    assert 'smp: Brought up 1 node, 4 CPUs' in texts
    check_ktap(texts, name)


# Every program again with its threads and processes really at once: 4 CPUs
# of QEMU's multi-threaded TCG (a host thread each, no -icount): signals,
# job control, restarts, mappings and futexes across CPUs.
@pytest.mark.parametrize('name', ['signals', 'threads', 'clocks', 'restart', 'waitid',
                                  'sigqueue', 'clone3', 'jobctl', 'vfork', 'mmap', 'mmshare',
                                  'fileio', 'links', 'futex', 'execthread', 'pshared',
                                  'txtbsy'])
def test_glibc_program_smp4(console, qemu_cmd, kernel_image, tmp_path, init_prog, glibc_dir,
                            name):
    texts = run_program(console, qemu_cmd, kernel_image, tmp_path, init_prog, glibc_dir, name,
                        smp=4, accel=MULTI_THREADED_TCG)
    assert 'smp: Brought up 1 node, 4 CPUs' in texts
    check_ktap(texts, name)
    bad = [t for t in texts if re.search(r'^BUG: |Oops|Call trace:|WARNING:', t)]
    assert not bad, bad


@pytest.mark.parametrize('args,smp,cases', [('--pmu', None, 18), ('--threads', 2, 16)])
def test_glibc_vdso(console, qemu_cmd, kernel_image, tmp_path, init_prog, glibc_dir, args, smp,
                    cases):
    texts = run_program(console, qemu_cmd, kernel_image, tmp_path, init_prog, glibc_dir, 'vdso',
                        args, smp)
    assert check_ktap(texts, 'vdso') == cases


MULTI_THREADED_TCG = ['-accel', 'tcg,thread=multi']
SOAK = os.environ.get('SMP_SOAK') == '1'


def run_mm_threads(console, qemu_cmd, kernel_image, tmp_path, init_prog, glibc_dir, args,
                   timeout):
    texts = run_program(console, qemu_cmd, kernel_image, tmp_path, init_prog, glibc_dir,
                        'mm_threads', args, smp=4, accel=MULTI_THREADED_TCG, timeout=timeout)
    assert 'smp: Brought up 1 node, 4 CPUs' in texts
    assert '# 4 CPUs online, 4 threads, ' in ' '.join(texts)
    bad = [t for t in texts if re.search(r'^BUG: |Oops|Call trace:|WARNING:|unhandled', t)]
    assert not bad, bad
    return check_ktap(texts, 'mm_threads')


def test_glibc_mm_threads(console, qemu_cmd, kernel_image, tmp_path, init_prog, glibc_dir):
    """mm_threads.c: four threads of one process on four CPUs at once
    (multi-threaded TCG, no -icount: really in parallel) fault pages of a
    shared mapping in together, mmap/mprotect/mremap/munmap regions of their
    own, fork and read /proc/self/maps meanwhile, and see a page unmapped
    or write-protected by one of them fault on every CPU: the mmap lock,
    the page-table lock and broadcast TLB invalidation (Documentation/
    scheduler/sched-design.rst, "Threads: the mmap lock")."""
    assert run_mm_threads(console, qemu_cmd, kernel_image, tmp_path, init_prog, glibc_dir,
                          '', timeout=120) == 5


@pytest.mark.skipif(not SOAK, reason='the soak runs with `make soak`')
def test_glibc_mm_threads_soak(console, qemu_cmd, kernel_image, tmp_path, init_prog, glibc_dir):
    """The soak: 40 rounds over a 4 MiB shared mapping, some minutes."""
    assert run_mm_threads(console, qemu_cmd, kernel_image, tmp_path, init_prog, glibc_dir,
                          '-r 40 -p 1024', timeout=1800) == 200


def test_glibc_threads_smp(console, qemu_cmd, kernel_image, tmp_path, init_prog, glibc_dir):
    """threads.c (pthreads, futexes, TLS, signals to threads, exec from a
    threaded process) on 4 CPUs of multi-threaded TCG: its threads really
    run at once, sharing one mm."""
    texts = run_program(console, qemu_cmd, kernel_image, tmp_path, init_prog, glibc_dir,
                        'threads', smp=4, accel=MULTI_THREADED_TCG, timeout=180)
    assert 'smp: Brought up 1 node, 4 CPUs' in texts
    bad = [t for t in texts if re.search(r'^BUG: |Oops|Call trace:|WARNING:', t)]
    assert not bad, bad
    check_ktap(texts, 'threads')
