#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# scripts/link-vmlinux.sh: link vmlinux from the directories' built-in.a.
#
# Usage: link-vmlinux.sh <output> <linker script> "<archives>" <libfdt.a>
# Called by the top-level Makefile, which has built the host tool
# <objtree>/scripts/kallsyms beforehand (in parallel with the objects).
# Links three times to embed the symbol table (scripts/kallsyms), as Linux
# does. Each link bumps the build number in .version and compiles
# init/version-timestamp.c with the date and builder, as Linux does, so the
# banner says which build is running.
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

# The symbol table oopses print from (kernel/kallsyms.c), built as Linux
# does: link with an empty table, generate the table from that vmlinux's
# symbols, link again with it, and once more so that the table describes
# the image it is in (it lies after the code, but .init.text follows it).
# The table is assembler source, as Linux's is.
kallsyms="$dir/scripts/kallsyms"

# CONFIG_* as shell variables, as Linux's link-vmlinux.sh reads them.
# shellcheck disable=SC1091
. "$dir/include/config/auto.conf"
ldflags_vmlinux=
if [ "$CONFIG_RELOCATABLE" = y ]; then
	ldflags_vmlinux=$LDFLAGS_vmlinux_relocatable
fi

kallsyms_obj() {	# <nm input or /dev/null> <step>
	"$kallsyms" < "$1" > "$dir/.tmp_kallsyms$2.S"
	# shellcheck disable=SC2086
	$CC $KBUILD_CPPFLAGS -D__ASSEMBLY__ -c -o "$dir/.tmp_kallsyms$2.o" \
		"$dir/.tmp_kallsyms$2.S"
}

# The two passes that only feed kallsyms drop the debug sections, as Linux's
# do: they are not allocated, so no address moves, and the links are cheaper.
# Only the final link writes a link map.
vmlinux_link() {	# <output> <kallsyms object>
	if [ "$1" = "$out" ]; then
		extra="-Map $dir/.tmp_vmlinux.map"
	else
		extra=--strip-debug
	fi
	# shellcheck disable=SC2086
	$LD $KBUILD_LDFLAGS $ldflags_vmlinux -T "$lds" $extra -o "$1" \
		--whole-archive $archives --no-whole-archive \
		"$dir/.tmp_version-timestamp.o" "$2" "$libfdt"
}

kallsyms_obj /dev/null 0
vmlinux_link "$dir/.tmp_vmlinux1" "$dir/.tmp_kallsyms0.o"
$NM -n "$dir/.tmp_vmlinux1" > "$dir/.tmp_vmlinux1.syms"
kallsyms_obj "$dir/.tmp_vmlinux1.syms" 1
vmlinux_link "$dir/.tmp_vmlinux2" "$dir/.tmp_kallsyms1.o"
$NM -n "$dir/.tmp_vmlinux2" > "$dir/.tmp_vmlinux2.syms"
kallsyms_obj "$dir/.tmp_vmlinux2.syms" 2
vmlinux_link "$out" "$dir/.tmp_kallsyms2.o"

# The table in $out was made from .tmp_vmlinux2: their code must agree.
$NM -n "$out" > "$dir/.tmp_vmlinux3.syms"
"$kallsyms" < "$dir/.tmp_vmlinux3.syms" > "$dir/.tmp_kallsyms3.S"
if ! cmp -s "$dir/.tmp_kallsyms2.S" "$dir/.tmp_kallsyms3.S"; then
	echo "link-vmlinux.sh: kallsyms table does not match the final vmlinux" >&2
	rm -f "$out"
	exit 1
fi

# head.S applies R_AARCH64_RELATIVE relocations only (R_AARCH64_NONE, padding
# GNU ld may leave, means nothing): anything else the linker left for run
# time would be silently wrong at boot.
if [ "$CONFIG_RELOCATABLE" = y ]; then
	other=$($READELF -rW "$out" | awk '/^[0-9a-f]+ +[0-9a-f]+ +R_/ && $3 != "R_AARCH64_RELATIVE" && $3 != "R_AARCH64_NONE"')
	if [ -n "$other" ]; then
		echo "link-vmlinux.sh: dynamic relocations head.S cannot apply:" >&2
		echo "$other" >&2
		rm -f "$out"
		exit 1
	fi
fi
