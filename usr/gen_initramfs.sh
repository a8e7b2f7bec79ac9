#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# usr/gen_initramfs.sh: build the initramfs (a newc cpio archive) holding
# /init, /bin, /test and /etc, plus what every boot needs: /dev/console
# (char 5,1, as on Linux), an empty /proc for the kernel's process files and
# /tmp (mode 1777, as on any Linux system) for files programs write.
#
#   gen_initramfs.sh -o <out.cpio> [-l <out.list>] [-D /dir ...] /dest=source ...
#
# -D adds an empty directory (with its parents).
# Writes the list of entries (Linux's gen_init_cpio format; kept as
# <out.list> to read) and hands it to gen_init_cpio.py. Parent directories
# are added as needed; a source that is executable gets mode 0755, others
# 0644; everything belongs to root (uid 0, gid 0). Called by usr/Makefile.
set -e

out= list= extra_dirs=
while getopts o:l:D: opt; do
	case $opt in
	o) out=$OPTARG ;;
	l) list=$OPTARG ;;
	D) extra_dirs="$extra_dirs $OPTARG/.=" ;;
	*) echo "usage: $0 -o out.cpio [-l out.list] [-D /dir] /dest=source ..." >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ -n "$out" ] || { echo "$0: no output (-o)" >&2; exit 2; }
[ -n "$list" ] || list=$out.list
here=$(dirname "$0")

# The directories every entry needs, parents first.
# Every parent directory of the destinations, parents first. Parameter
# expansion, not dirname(1): one process per path adds up over 150 files.
dirs() {
	for pair in "$@"; do
		d=${pair%%=*}
		d=${d%/*}
		while [ -n "$d" ]; do
			echo "$d"
			d=${d%/*}
		done
	done | sort -u
}

{
	echo "# initramfs for headstart, written by usr/gen_initramfs.sh"
	echo "dir /dev 0755 0 0"
	echo "nod /dev/console 0600 0 0 c 5 1"
	echo "dir /proc 0555 0 0"
	echo "dir /tmp 1777 0 0"
	# shellcheck disable=SC2086
	for d in $(dirs "$@" $extra_dirs); do
		[ "$d" = /dev ] || [ "$d" = /proc ] || [ "$d" = /tmp ] || echo "dir $d 0755 0 0"
	done
	for pair in "$@"; do
		dest=${pair%%=*} src=${pair#*=}
		[ -f "$src" ] || { echo "$0: $src: no such file" >&2; exit 1; }
		if [ -x "$src" ]; then mode=0755; else mode=0644; fi
		echo "file $dest $src $mode 0 0"
	done
} > "$list.tmp"
mv "$list.tmp" "$list"

"${PYTHON3:-python3}" "$here/gen_init_cpio.py" -o "$out" "$list"
