/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tools/testing/unit/built_image.h: what the header tests (test_image.c,
 * test_pecoff.c) read from the build under test (UNIT_OBJTREE): the bytes
 * of arch/arm64/boot/Image, vmlinux's symbols (through UNIT_NM) and whether
 * the build has CONFIG_EFI=y.
 */
#ifndef BUILT_IMAGE_H
#define BUILT_IMAGE_H

#include <stddef.h>
#include <stdint.h>

extern unsigned char *image;	/* arch/arm64/boot/Image, whole */
extern size_t image_len;
extern int efi_config;		/* CONFIG_EFI=y in the build's auto.conf */

/* The environment variable name, or fallback when unset or empty. */
const char *env(const char *name, const char *fallback);

/* Read all three; 0, or -1 after saying why (cmocka's print_error). */
int built_image_load(void);
void built_image_free(void);

/* vmlinux's address of name; fails the running test when there is none. */
uint64_t sym(const char *name);

#endif
