#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0
#
# /init of the busybox initramfs (usr/initramfs-busybox.cpio, what
# `make qemu` boots): what a small Linux system's initramfs does first,
# then the project's /init takes over as process 1.
#
#   - links every busybox applet to /bin/busybox (busybox --install -s:
#     /bin/sh, /bin/ls, /sbin/mount, /usr/bin/awk ...);
#   - mounts /proc and /dev as Linux's init scripts do (on headstart both
#     are already there: the mounts are accepted and listed in /proc/mounts),
#     and links /dev/fd, /dev/stdin, /dev/stdout, /dev/stderr to
#     /proc/self/fd as a Linux system's udev/systemd does;
#   - hands over to the project's init (/usr/libexec/headstart/init) with
#     the kernel's arguments: with none, it shows /etc/motd and runs /bin/sh,
#     here busybox's, again whenever it exits, and reaps orphans; with
#     `-- prog args` on the kernel command line it runs prog and powers off.
/bin/busybox --install -s
mount -t proc proc /proc
mount -t devtmpfs devtmpfs /dev
# what systemd's dev-setup and udev add to devtmpfs: the fd links
ln -s /proc/self/fd /dev/fd
ln -s /proc/self/fd/0 /dev/stdin
ln -s /proc/self/fd/1 /dev/stdout
ln -s /proc/self/fd/2 /dev/stderr
export PATH=/sbin:/usr/sbin:/bin:/usr/bin:/test HOME=/root TERM=${TERM:-linux}
export PS1='headstart:\w\$ '
cd /
exec /usr/libexec/headstart/init "$@"
