/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/binfmts.h: what execve (fs/exec.c) hands the ELF loader
 * (fs/binfmt_elf.c): the file's bytes (the ramfs keeps whole files in
 * memory), the new address space being built, and what the loader found,
 * for the auxiliary vector.
 */
#ifndef __LINUX_BINFMTS_H
#define __LINUX_BINFMTS_H

#include <linux/mm_types.h>
#include <linux/types.h>

struct linux_binprm {
	const char *filename;		/* as given to execve */
	const u8 *data;			/* the file's bytes */
	struct ramfs_inode *file;	/* the file: its segments' VMAs refer to it */
	size_t size;
	struct mm_struct *mm;		/* the new address space */
	/* Set by the loader: */
	unsigned long entry;		/* e_entry + load bias */
	unsigned long phdr;		/* user address of the program headers */
	unsigned int phnum;
	unsigned long load_bias;	/* 0 for ET_EXEC */
};

/* Map bprm->data's PT_LOAD segments into bprm->mm: 0 or -ENOEXEC/-EACCES/-ENOMEM. */
int load_elf_binary(struct linux_binprm *bprm, const char *name);
/* The [vvar] and [vdso] pages (arch/arm64/kernel/vdso.c), mapped by exec. */
int arch_setup_additional_pages(struct mm_struct *mm);
/* The vDSO's ELF header in mm (AT_SYSINFO_EHDR). */
unsigned long vdso_base(struct mm_struct *mm);
/* Copy len bytes to user address uaddr of an mm that is not live. */
int copy_to_mm(struct mm_struct *mm, unsigned long uaddr, const void *src, size_t len);
/* execve from the kernel (pid 1 starting /init): 0, or -errno with nothing changed. */
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp);

#endif
