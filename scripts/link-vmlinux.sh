#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# scripts/link-vmlinux.sh: link vmlinux from the directories' built-in.a.
#
# Usage: link-vmlinux.sh <output> <linker script> "<archives>" <libfdt.a>
# Called by the top-level Makefile. Each link bumps the build number in
# .version and compiles init/version-timestamp.c with the date and builder,
# as Linux does, so the banner says which build is running.
set -e
out=$1 lds=$2 archives=$3 libfdt=$4
dir=$(dirname "$out")

if [ -r "$dir/.version" ]; then
	version=$(( $(cat "$dir/.version") + 1 ))
else
	version=1
fi
echo "$version" > "$dir/.version"

cc_version=$($CC --version | head -n 1)
ld_version=$($LD --version | head -n 1)
by="${KBUILD_BUILD_USER:-$(id -un)}@${KBUILD_BUILD_HOST:-$(uname -n)}"
timestamp=${KBUILD_BUILD_TIMESTAMP:-$(LC_ALL=C date)}

# shellcheck disable=SC2086 # word splitting of the flag lists is intended
$CC $KBUILD_CPPFLAGS $KBUILD_CFLAGS \
	-DKERNELRELEASE_STR="\"$KERNELRELEASE\"" \
	-DUTS_VERSION="\"#$version $timestamp\"" \
	-DLINUX_COMPILE_BY="\"$by\"" \
	-DLINUX_COMPILER="\"$cc_version, $ld_version\"" \
	-c -o "$dir/.tmp_version-timestamp.o" "$srctree/init/version-timestamp.c"

# shellcheck disable=SC2086
$LD $KBUILD_LDFLAGS -T "$lds" -Map "$dir/.tmp_vmlinux.map" -o "$out" \
	--whole-archive $archives --no-whole-archive \
	"$dir/.tmp_version-timestamp.o" "$libfdt"
