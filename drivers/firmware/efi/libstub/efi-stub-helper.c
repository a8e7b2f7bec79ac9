// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/firmware/efi/libstub/efi-stub-helper.c: the EFI stub's console
 * messages and its command line.
 *
 * Messages go to the firmware's ConOut in UCS-2, "EFI stub: " first and
 * "ERROR: " for errors, in Linux's wording. The command line is the loaded
 * image's LoadOptions (UCS-2, what `-append`, GRUB's `linux` line or
 * U-Boot's bootargs become), converted to ASCII in EFI_LOADER_DATA pages.
 */
#include <linux/compiler.h>
#include <linux/string.h>
#include "efistub.h"

efi_system_table_t *efi_system_table;

/* Print ASCII as UCS-2, a short buffer at a time, \n as \r\n. */
void efi_puts(const char *str)
{
	efi_char16_t buf[64];
	int n = 0;

	while (*str) {
		if (*str == '\n')
			buf[n++] = '\r';
		buf[n++] = (unsigned char)*str++;
		if (n >= (int)ARRAY_SIZE(buf) - 2 || !*str) {
			buf[n] = 0;
			efi_system_table->con_out->output_string(efi_system_table->con_out, buf);
			n = 0;
		}
	}
}

void efi_info(const char *str)
{
	efi_puts("EFI stub: ");
	efi_puts(str);
}

void efi_err(const char *str)
{
	efi_puts("EFI stub: ERROR: ");
	efi_puts(str);
}

static void put_hex(u64 v)
{
	char buf[19] = "0x";

	for (int i = 0; i < 16; i++)
		buf[2 + i] = "0123456789abcdef"[(v >> (60 - 4 * i)) & 0xf];
	buf[18] = 0;
	efi_puts(buf);
}

/* str without its trailing newline, then the value in hex. */
void efi_info_hex(const char *str, u64 value)
{
	efi_info(str);
	put_hex(value);
	efi_puts("\n");
}

void efi_err_status(const char *str, efi_status_t status)
{
	efi_err(str);
	efi_puts(" (EFI status ");
	put_hex(status);
	efi_puts(")\n");
}

char *efi_convert_cmdline(efi_loaded_image_t *image)
{
	const efi_char16_t *opts = image->load_options;
	unsigned long n = opts ? image->load_options_size / 2 : 0, addr, i;
	char *cmdline;

	if (efi_allocate_pages(n + 1, &addr) != EFI_SUCCESS)
		return NULL;
	cmdline = (char *)addr;
	for (i = 0; i < n && opts[i]; i++)
		cmdline[i] = opts[i] < 0x80 ? opts[i] : '?';
	cmdline[i] = 0;
	return cmdline;
}

int efi_cmdline_option(const char *cmdline, const char *name, char *buf, int len)
{
	int nlen = strlen(name);
	const char *p = cmdline;

	while (*p) {
		while (*p == ' ')
			p++;
		if (!strncmp(p, name, nlen) && p[nlen] == '=') {
			int i = 0;

			for (p += nlen + 1; *p && *p != ' ' && i < len - 1; p++)
				buf[i++] = *p;
			buf[i] = 0;
			return i;
		}
		while (*p && *p != ' ')
			p++;
	}
	return 0;
}
