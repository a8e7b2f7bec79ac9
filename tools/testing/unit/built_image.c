// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/unit/built_image.c: reads the build under test for the
 * header tests (see built_image.h): the config, the Image file, and
 * vmlinux's symbols as `nm` lists them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "built_image.h"

unsigned char *image;
size_t image_len;
int efi_config;

struct sym {
	char name[64];
	uint64_t addr;
};
static struct sym syms[8192];
static size_t nsyms;

const char *env(const char *name, const char *fallback)
{
	const char *v = getenv(name);

	return v && *v ? v : fallback;
}

uint64_t sym(const char *name)
{
	for (size_t i = 0; i < nsyms; i++)
		if (!strcmp(syms[i].name, name))
			return syms[i].addr;
	fail_msg("vmlinux has no symbol %s", name);
	return 0;
}

static int read_config(const char *objtree)
{
	char path[4096], line[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/include/config/auto.conf", objtree);
	f = fopen(path, "r");
	if (!f) {
		print_error("cannot open %s\n", path);
		return -1;
	}
	while (fgets(line, sizeof(line), f))
		if (!strcmp(line, "CONFIG_EFI=y\n"))
			efi_config = 1;
	fclose(f);
	return 0;
}

static int read_image(const char *objtree)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/arch/arm64/boot/Image", objtree);
	f = fopen(path, "rb");
	if (!f) {
		print_error("cannot open %s: build the kernel first (UNIT_OBJTREE)\n", path);
		return -1;
	}
	fseek(f, 0, SEEK_END);
	image_len = ftell(f);
	rewind(f);
	image = malloc(image_len ? image_len : 1);
	if (!image || fread(image, 1, image_len, f) != image_len) {
		fclose(f);
		return -1;
	}
	fclose(f);
	return 0;
}

static int read_symbols(const char *objtree)
{
	char cmd[8300], line[512];
	FILE *f;

	snprintf(cmd, sizeof(cmd), "%s %s/vmlinux", env("UNIT_NM", "aarch64-linux-gnu-nm"),
		 objtree);
	f = popen(cmd, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f) && nsyms < sizeof(syms) / sizeof(syms[0])) {
		unsigned long long addr;
		char type, name[64];

		if (sscanf(line, "%llx %c %63s", &addr, &type, name) == 3) {
			syms[nsyms].addr = addr;
			strcpy(syms[nsyms].name, name);
			nsyms++;
		}
	}
	if (pclose(f) != 0 || !nsyms) {
		print_error("`%s` failed\n", cmd);
		return -1;
	}
	return 0;
}

int built_image_load(void)
{
	const char *objtree = env("UNIT_OBJTREE", ".");

	if (read_config(objtree) || read_image(objtree) || read_symbols(objtree))
		return -1;
	return 0;
}

void built_image_free(void)
{
	free(image);
	image = NULL;
}
